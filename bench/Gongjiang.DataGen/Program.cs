using Gongjiang.DataGen;

// dotnet run --project bench/Gongjiang.DataGen -- --kind roster|honours --rows 1000000 --format csv|xlsx
//     --encoding utf8|utf8bom|gb18030 --messy --seed 42 --province 44 --bad 0.02 --out file [--share 0.05]
//     [--today 2026-11-24] [--verify] [--no-summary]
return Cli.Run(args, Console.Out, Console.Error);
