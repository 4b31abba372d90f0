#ifndef _GONE_H
#define _GONE_H
#if defined(CONFIG_GONE_IN_HEADER) && !defined(__ASSEMBLY__)
#endif
#endif
