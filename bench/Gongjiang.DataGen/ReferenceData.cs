namespace Gongjiang.DataGen;

/// <summary>An occupation as written in a roster: text, 国家职业分类大典 code, typical posts, share of men.</summary>
internal sealed record OccupationEntry(string Text, string Code, string[] Posts, double MaleShare);

/// <summary>An enterprise's line of business: the word in its name, 所属行业 (GB/T 4754 门类) and its occupations.</summary>
internal sealed record BusinessLine(string Word, string Industry, string[] Occupations, double Weight);

/// <summary>Word lists and tables behind the generator.</summary>
internal static class ReferenceData
{
    /// <summary>Common surnames, roughly most frequent first.</summary>
    public const string Surnames =
        "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";

    /// <summary>Given-name characters used mostly for men.</summary>
    public const string MaleGiven =
        "伟强磊军勇杰涛斌超明刚平辉鹏华飞鑫波宇浩凯健俊帆帅旭龙林阳建国峰东亮成志文新海春晓光宏兵永良德忠胜祥福贵生荣金山振兴卫民庆喜顺义彬锋坤昊晨博栋毅诚翔睿哲瑞泽航铭轩川松柏江河武鸿恒权银彪虎豪楠晖达政利力进全友学清正树长发少青云岩石冬立安先朝鹤富继道培耀彦钧锦炜琦骏昌茂盛坚韬晋琛锐晟";

    /// <summary>Given-name characters used mostly for women.</summary>
    public const string FemaleGiven =
        "芳娜敏静丽艳娟霞燕玲婷雪琳慧莹红梅兰英萍颖倩洁琴凤玉秀珍月莉丹璐佳欣悦怡思雨萱涵妍淑琪晶冰露薇蓉蕾菲梦娇莲桂彩香翠爱美芬巧素妮婉嘉馨瑶璇婕蔚瑾琼岚霏卉歆";

    /// <summary>Given-name characters used for both.</summary>
    public const string NeutralGiven = "文明华平晓宁海春秋小建永玉金子一心晨阳天思立家新红";

    /// <summary>Mobile number prefixes in use (13x–19x).</summary>
    public static readonly string[] MobilePrefixes =
    [
        "130", "131", "132", "133", "134", "135", "136", "137", "138", "139", "145", "147", "150", "151", "152", "153",
        "155", "156", "157", "158", "159", "166", "170", "171", "173", "175", "176", "177", "178", "180", "181", "182",
        "183", "184", "185", "186", "187", "188", "189", "191", "193", "195", "196", "197", "198", "199",
    ];

    /// <summary>
    /// Occupations of the 国家职业分类大典 (2015 edition, as revised 2022) with their D-DD-DD-DD codes, as they are written in
    /// rosters (several texts per code: “数控车工” is a 车工). Codes were taken from memory of the published national
    /// occupational skill standards; the ones marked “?” below are the least certain.
    /// </summary>
    public static readonly OccupationEntry[] Occupations =
    [
        new("车工", "6-18-01-01", ["车削加工", "数控加工", "机加工"], 0.84),
        new("数控车工", "6-18-01-01", ["数控加工", "数控车削"], 0.84),
        new("车工（数控车工）", "6-18-01-01", ["数控加工"], 0.84),
        new("铣工", "6-18-01-02", ["铣削加工", "机加工"], 0.84),
        new("数控铣工", "6-18-01-02", ["数控加工", "数控铣削"], 0.82),
        new("磨工", "6-18-01-04", ["磨削加工", "精密磨削"], 0.78), // ?
        new("镗工", "6-18-01-05", ["镗削加工", "机加工"], 0.86), // ?
        new("铸造工", "6-18-02-01", ["铸造", "造型制芯"], 0.86), // ?
        new("锻造工", "6-18-02-02", ["锻造", "自由锻"], 0.88), // ?
        new("金属热处理工", "6-18-02-03", ["热处理", "淬火"], 0.82), // ?
        new("焊工", "6-18-02-04", ["焊接", "焊接班组长", "电焊"], 0.84),
        new("电焊工", "6-18-02-04", ["焊接", "电焊"], 0.86),
        new("焊工（电焊工）", "6-18-02-04", ["焊接"], 0.86),
        new("装配钳工", "6-20-01-01", ["装配", "总装", "钳工"], 0.82),
        new("工具钳工", "6-20-01-02", ["工装夹具", "模具钳工"], 0.84),
        new("机修钳工", "6-31-01-02", ["设备维修", "机修"], 0.86),
        new("电工", "6-31-01-03", ["设备维修", "电气维修", "供配电"], 0.86),
        new("维修电工", "6-31-01-03", ["电气维修", "设备维修"], 0.86),
        new("电工（维修电工）", "6-31-01-03", ["电气维修"], 0.86),
        new("工业机器人系统运维员", "6-31-01-10", ["机器人运维", "智能产线维护"], 0.78),
        new("工业机器人系统操作员", "6-30-99-00", ["机器人操作", "智能产线"], 0.74),
        new("化工总控工", "6-11-01-03", ["中控操作", "化工操作", "装置运行"], 0.7),
        new("药物制剂工", "6-12-03-00", ["制剂", "压片", "无菌灌装"], 0.45), // ?
        new("砌筑工", "6-29-01-01", ["砌筑", "施工班组长"], 0.86),
        new("电梯安装维修工", "6-29-03-03", ["电梯维保", "电梯安装"], 0.88), // ?
        new("汽车维修工", "4-12-01-01", ["机电维修", "钣金", "车间主管"], 0.86),
        new("无人机驾驶员", "4-99-00-00", ["无人机操控", "航测"], 0.82),
        new("中式烹调师", "4-03-02-01", ["厨师", "厨师长", "热菜"], 0.74),
        new("中式面点师", "4-03-02-02", ["面点", "白案"], 0.5),
        new("西式烹调师", "4-03-02-03", ["西餐厨师", "厨师长"], 0.7), // ?
        new("茶艺师", "4-03-02-07", ["茶艺", "茶室主管"], 0.2), // ?
    ];

    /// <summary>What enterprises do; the weight is the share of enterprises.</summary>
    public static readonly BusinessLine[] BusinessLines =
    [
        new("精密制造", "制造业", ["车工", "数控车工", "车工（数控车工）", "铣工", "数控铣工", "磨工", "镗工", "装配钳工", "工具钳工", "机修钳工", "电工", "焊工", "工业机器人系统操作员"], 12),
        new("重工机械", "制造业", ["车工", "铣工", "镗工", "焊工", "电焊工", "铸造工", "锻造工", "金属热处理工", "装配钳工", "机修钳工", "维修电工"], 8),
        new("轨道交通", "制造业", ["焊工", "焊工（电焊工）", "装配钳工", "电工", "车工", "机修钳工", "工业机器人系统运维员"], 5),
        new("电子科技", "制造业", ["电工", "工业机器人系统操作员", "工业机器人系统运维员", "装配钳工", "机修钳工"], 10),
        new("汽车零部件", "制造业", ["车工", "数控车工", "铣工", "焊工", "金属热处理工", "装配钳工", "工业机器人系统操作员", "维修电工"], 10),
        new("化工", "制造业", ["化工总控工", "电工", "机修钳工", "焊工"], 6),
        new("建筑工程", "建筑业", ["砌筑工", "焊工", "电工", "电梯安装维修工"], 7),
        new("电力", "电力、热力、燃气及水生产和供应业", ["电工", "电工（维修电工）", "机修钳工", "焊工"], 5),
        new("船舶", "制造业", ["焊工", "电焊工", "装配钳工", "电工", "车工", "机修钳工"], 3),
        new("航空", "制造业", ["数控铣工", "车工", "装配钳工", "无人机驾驶员", "焊工", "金属热处理工"], 3),
        new("食品", "制造业", ["中式面点师", "机修钳工", "电工"], 4),
        new("纺织", "制造业", ["机修钳工", "电工", "维修电工"], 3),
        new("医药", "制造业", ["药物制剂工", "化工总控工", "电工", "机修钳工"], 4),
        new("通信设备", "制造业", ["电工", "装配钳工", "工业机器人系统运维员", "工业机器人系统操作员"], 5),
        new("冶金", "制造业", ["金属热处理工", "铸造工", "锻造工", "电工", "机修钳工", "焊工"], 4),
        new("矿业", "采矿业", ["电工", "机修钳工", "焊工"], 2),
        new("汽车维修服务", "居民服务、修理和其他服务业", ["汽车维修工", "电工"], 4),
        new("餐饮管理", "住宿和餐饮业", ["中式烹调师", "中式面点师", "西式烹调师", "茶艺师"], 5),
    ];

    /// <summary>字号 of domestic enterprises.</summary>
    public static readonly string[] TradeNames =
    [
        "鹏程", "华信", "恒通", "宏达", "振华", "远航", "中联", "新兴", "东方", "金桥", "永兴", "瑞丰", "天成", "华宇", "鼎盛",
        "海纳", "博远", "精诚", "北方", "南方", "中天", "国泰", "联创", "卓越", "汇通", "金鼎", "恒力", "信达", "广源", "三友",
        "兴业", "长盛", "启明", "红星", "前进", "力拓", "安泰", "宏图", "万通", "宇航", "嘉禾", "德胜", "光明", "富华",
    ];

    /// <summary>Transliterated 字号 of foreign-invested enterprises (invented).</summary>
    public static readonly string[] ForeignTradeNames =
    [
        "莱茵", "卡诺", "博瑞", "海德", "维斯顿", "迈克森", "艾默", "诺德", "赛弗", "德朗", "菲尼克", "科瑞", "奥凯", "索伦", "贝克", "马森",
    ];

    /// <summary>One-character province abbreviations used in document numbers (粤人社发〔2019〕12号).</summary>
    public static readonly Dictionary<string, string> ProvinceAbbreviations = new(StringComparer.Ordinal)
    {
        ["11"] = "京",
        ["12"] = "津",
        ["13"] = "冀",
        ["14"] = "晋",
        ["15"] = "内",
        ["21"] = "辽",
        ["22"] = "吉",
        ["23"] = "黑",
        ["31"] = "沪",
        ["32"] = "苏",
        ["33"] = "浙",
        ["34"] = "皖",
        ["35"] = "闽",
        ["36"] = "赣",
        ["37"] = "鲁",
        ["41"] = "豫",
        ["42"] = "鄂",
        ["43"] = "湘",
        ["44"] = "粤",
        ["45"] = "桂",
        ["46"] = "琼",
        ["50"] = "渝",
        ["51"] = "川",
        ["52"] = "黔",
        ["53"] = "云",
        ["54"] = "藏",
        ["61"] = "陕",
        ["62"] = "甘",
        ["63"] = "青",
        ["64"] = "宁",
        ["65"] = "新",
    };

    /// <summary>Free text for the ignored 备注 column of messy files.</summary>
    public static readonly string[] Notes =
    [
        "退休返聘", "已调离，待核实", "补录", "新增人员", "信息已核对", "见附件, 第2页", "单位已更名", "\"技能大师工作室\"领办人", "借调",
    ];
}
