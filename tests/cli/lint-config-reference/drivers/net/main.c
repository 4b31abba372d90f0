// SPDX-License-Identifier: GPL-2.0
/* negatives first: CONFIG_IN_COMMENT is a comment, defined ones, a string */
#include <linux/kconfig.h>
#ifdef CONFIG_FEATURE
#endif
#if IS_ENABLED(CONFIG_DRIVER) && defined(CONFIG_DRIVER_MODULE) && CONFIG_NUM > 2
#endif
#if defined(CONFIG_AA_ONLY) || IS_MODULE(CONFIG_SOMETIMES)
#endif
static const char *s = "CONFIG_IN_STRING";
#warning CONFIG_IN_WARNING is text
#define CONFIG_LOCAL_DEF 1
#ifdef CONFIG_LOCAL_DEF
#endif
#ifdef CONFIG_CMDLINE_DEF
#endif
#define PASTED(x) IS_ENABLED(CONFIG_##x)
#define PARAM(a, CONFIG_k) IS_ENABLED(CONFIG_k)

/* positives */
#ifdef CONFIG_GONE
#elif defined(CONFIG_ALSO_GONE) || \
	defined(CONFIG_GONE_ON_CONTINUATION)
#endif
int f(void)
{
	if (IS_ENABLED(CONFIG_GONE_IN_CODE))
		return IS_REACHABLE(
			CONFIG_GONE_OVER_LINES);
	return CONFIG_NUM + CONFIG_BARE_WORD_IS_NOT_READ;
}
#if IS_MODULE(CONFIG_FEATURE) || defined(CONFIG_FEATURE_MODULE)
#endif
#ifdef CONFIG_OLD_NAME
#endif
#define USES(x) (IS_BUILTIN(CONFIG_GONE_IN_DEFINE) + (x))
/* a note: the name says it is off on purpose */
#ifdef CONFIG_FEATURE__disabled
#endif
