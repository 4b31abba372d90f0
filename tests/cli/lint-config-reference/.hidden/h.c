#ifdef CONFIG_GONE_IN_HIDDEN
#endif
