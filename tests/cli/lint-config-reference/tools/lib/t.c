#ifdef CONFIG_GONE_IN_TOOLS
#endif
