// Placeholder entry point; the generator helper replaces this file.
return 0;
