"""Reading a .config as conf writes it (shared by the scripts beside it)."""


def read_config(path):
    """{SYMBOL: value} of the assignments in path: "# CONFIG_X is not set"
    reads as n, and a string loses its quotes."""
    vals = {}
    with open(path) as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# CONFIG_") and line.endswith(" is not set"):
                vals[line[9:-11]] = "n"
            elif line.startswith("CONFIG_") and "=" in line:
                k, v = line[7:].split("=", 1)
                if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
                    v = v[1:-1]
                vals[k] = v
    return vals
