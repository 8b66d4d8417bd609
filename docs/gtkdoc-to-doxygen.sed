# Turns the gtk-doc style of the headers' comments into Doxygen commands,
# as an INPUT_FILTER of docs/Doxyfile.in: "@name: text" documents a
# parameter, "Returns: text" the result, "@name" in running text names a
# parameter, and "*/" inside a comment's example stays literal.
s/^\( \*\) @\([A-Za-z_][A-Za-z_0-9]*\): /\1 \\param \2 /
s/^\( \*\) Returns: /\1 \\return /
s/\([^A-Za-z_]\)@\([A-Za-z_][A-Za-z_0-9]*\)/\1\\p \2/g
s|/\*\.|/\\*.|g
