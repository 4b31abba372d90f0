# A Kconfig pigeonhole: ALL needs each of P pigeons in one of H holes and no
# hole taken twice (UNSAT for P > H, hard for any CDCL solver).
BEGIN {
	for (p = 1; p <= P; p++)
		for (h = 1; h <= H; h++)
			printf "config P%d_%d\n\tbool \"p\"\n", p, h
	printf "config ALL\n\tbool \"all\"\n\tdepends on "
	for (p = 1; p <= P; p++) {
		printf "%s(", (p > 1 ? " && " : "")
		for (h = 1; h <= H; h++)
			printf "%sP%d_%d", (h > 1 ? " || " : ""), p, h
		printf ")"
	}
	for (h = 1; h <= H; h++)
		for (a = 1; a <= P; a++)
			for (b = a + 1; b <= P; b++)
				printf " && !(P%d_%d && P%d_%d)", a, h, b, h
	print ""
}
