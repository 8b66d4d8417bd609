#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
# staffmatch tests: every public function can be called from a binding.
#
# Reads StaffMatch-0.1.gir (what g-ir-scanner made of the headers'
# annotations) beside the public headers, and fails, naming the function
# and what to add to its comment (docs/bindings.md, "Annotating a new
# function"), when:
#
#   - a function declared SM_API is not in the gir at all (a declaration
#     the scanner could not read);
#   - a function is not introspectable (the scanner gave up on one of its
#     types, or its comment says (skip)) and its comment does not say, in
#     a sentence starting "Bindings", what a binding calls instead; a
#     function named there must itself be callable;
#   - a struct is passed or returned by value (bindings pass pointers),
#     or a C type a binding cannot make (FILE *) is passed;
#   - a parameter named ..._out is not an out parameter, or an out
#     parameter of a struct type is not (out caller-allocates);
#   - a pointer to numbers is not an array, or an array has no length,
#     or an array of bytes (char *) is read as one of strings;
#   - a count given out (n_out) is not the length of the array returned;
#   - a count parameter (length, n_...) right after a pointer is not the
#     length of an array;
#   - a callback has no (scope);
#   - an enum is not registered (no GType), or the error domain is not
#     tied to SmError;
#   - with DOCS, a public function is missing from the table of
#     docs/bindings.md ("`sm_x_y()`"), which says for each whether and how
#     Python calls it.
#
# usage: gir-check.py GIR INCLUDE-DIR [DOCS]
import glob
import os
import re
import sys
import xml.etree.ElementTree as ET

NS = {
    "core": "http://www.gtk.org/introspection/core/1.0",
    "c": "http://www.gtk.org/introspection/c/1.0",
    "glib": "http://www.gtk.org/introspection/glib/1.0",
}
C = "{%s}" % NS["c"]
GLIB = "{%s}" % NS["glib"]

gir_path, include_dir = sys.argv[1], sys.argv[2]
docs = open(sys.argv[3], encoding="utf-8").read() if len(sys.argv) > 3 else None
root = ET.parse(gir_path).getroot()
namespace = root.find("core:namespace", NS)
problems = []


def fail(name, text):
    problems.append("%s: %s" % (name, text))


# ---- what the headers declare, and each function's comment -----------------
declared = {}  # name -> comment text
for header in sorted(glob.glob(os.path.join(include_dir, "*.h"))):
    text = open(header, encoding="utf-8").read()
    for m in re.finditer(r"\bSM_API\b[^;(]*?\b(sm_[a-z0-9_]*)\s*\(", text):
        name = m.group(1)
        # The comment naming it: the last "/**" block before it with "name:".
        before = text[: m.start()]
        at = before.rfind(" * %s:" % name)
        if at < 0:
            at = before.rfind("/** %s:" % name)
        start = before.rfind("/**", 0, at + 1)
        end = before.find("*/", at)
        declared[name] = before[start:end] if at >= 0 else ""

# ---- what the gir holds --------------------------------------------------------
records = {}
for kind in ("record", "union"):
    for r in namespace.findall("core:" + kind, NS):
        records[r.get("name")] = r
enums = {e.get("name"): e for e in namespace.findall("core:enumeration", NS)}
callables = {}  # c identifier -> element
for element in namespace.iter():
    tag = element.tag.split("}")[1]
    if tag in ("function", "method", "constructor") and element.get(
        C + "identifier"
    ):
        callables[element.get(C + "identifier")] = element
get_types = {
    element.get(GLIB + "get-type")
    for element in namespace.iter()
    if element.get(GLIB + "get-type")
}

# ---- every declared function is in the gir and callable ------------------------
for name, comment in sorted(declared.items()):
    if name.endswith("_get_type"):
        if name not in get_types:
            fail(name, "a get_type function the gir does not use")
        continue
    element = callables.get(name)
    if element is None:
        fail(name, "not in the gir: the scanner could not read it")
        continue
    if element.get("introspectable") != "0":
        continue
    said = re.search(r"Bindings\b[^.]*", comment)
    if said is None:
        fail(name, "not introspectable: annotate its types, or mark it "
                   "(skip) and say in a sentence starting \"Bindings\" "
                   "what a binding calls instead")
        continue
    for other in re.findall(r"\b(sm_[a-z0-9_]+)\(\)", said.group(0)):
        target = callables.get(other)
        if target is None or target.get("introspectable") == "0":
            fail(name, "its comment names %s(), which a binding cannot "
                       "call" % other)

# ---- the parameters and return values of what bindings call --------------------
def type_of(node):
    return node.find("core:type", NS), node.find("core:array", NS)


for name, element in sorted(callables.items()):
    if element.get("introspectable") == "0" or element.get("shadowed-by"):
        continue
    params = element.find("core:parameters", NS)
    nodes = [] if params is None else list(params)
    ret = element.find("core:return-value", NS)
    referenced = set()
    for node in nodes + [ret]:
        array = node.find("core:array", NS)
        if array is not None and array.get("length") is not None:
            referenced.add(int(array.get("length")))
    # Array lengths count the parameters after the instance.
    plain = [n for n in nodes if n.tag.endswith("}parameter")]
    for node in nodes:
        typ, array = type_of(node)
        if typ is not None and typ.get("name") in records and "*" not in (
            typ.get(C + "type") or ""
        ):
            fail(name, "@%s: a struct passed by value" % node.get("name"))
        if typ is not None and typ.get("name") == "gpointer" and (
            typ.get(C + "type") not in ("gpointer", "void*")
        ):
            fail(name, "@%s: a C type bindings cannot pass (%s)"
                 % (node.get("name"), typ.get(C + "type")))
    for index, node in enumerate(plain):
        pname = node.get("name")
        typ, array = type_of(node)
        ctype = (typ if typ is not None else array).get(C + "type") or ""
        direction = node.get("direction", "in")
        record = typ is not None and typ.get("name") in records
        if re.search(r"(^|_)out$", pname) and direction == "in":
            fail(name, "@%s: needs (out)" % pname)
        if (direction == "out" and re.match(r"(n|length)(_[a-z]+)*_out$",
                                             pname)
                and index not in referenced):
            fail(name, "@%s: a count given out, but the length of no array; "
                       "annotate the array (array length=%s)" % (pname, pname))
        if direction == "out" and record and node.get(
            "caller-allocates"
        ) != "1":
            fail(name, "@%s: needs (out caller-allocates)" % pname)
        numbers = re.match(
            r"(const )?(u?int(8|16|32|64)_t|g?u?int(8|16|32|64)?|double"
            r"|gdouble|char|gchar|size_t|gsize) *\*$",
            ctype,
        )
        if (typ is not None and numbers and direction == "in"
                and typ.get("name") != "utf8"):
            fail(name, "@%s: a pointer to numbers; needs (array "
                       "length=...) or (out)" % pname)
        if array is not None and array.get("length") is None and array.get(
            "zero-terminated"
        ) == "0" and array.get("fixed-size") is None:
            fail(name, "@%s: an array without (array length=...)" % pname)
        element_type = array.find("core:type", NS) if array is not None else None
        if (element_type is not None and element_type.get("name") == "utf8"
                and re.match(r"(const )?g?char\*$", array.get(C + "type") or "")):
            fail(name, "@%s: bytes read as an array of strings; add "
                       "(element-type guint8)" % pname)
        if typ is not None and typ.get("name") in {
            c.get("name") for c in namespace.findall("core:callback", NS)
        } and node.get("scope") is None:
            fail(name, "@%s: a callback without (scope)" % pname)
        if (re.match(r"(length|n_[a-z_]+)$", pname) and index > 0
                and direction == "in" and index not in referenced):
            before = plain[index - 1]
            btyp, barray = type_of(before)
            bctype = (btyp if btyp is not None else barray).get(
                C + "type") or ""
            # A string (a path, an identifier) before a count is no array.
            if "*" in bctype and before.get("direction", "in") == "in" \
                    and not bctype.startswith("Sm") \
                    and (btyp is None
                         or btyp.get("name") not in ("utf8", "filename")):
                fail(name, "@%s: a count after a pointer, but not the "
                           "length of an array" % pname)
    if ret is not None:
        typ, array = type_of(ret)
        ctype = (typ if typ is not None else array).get(C + "type") or ""
        if typ is not None and typ.get("name") in records and "*" not in ctype:
            fail(name, "returns a struct by value")
        if array is not None and array.get("length") is None and array.get(
            "zero-terminated"
        ) == "0" and array.get("fixed-size") is None:
            fail(name, "returns an array without (array length=...)")

# ---- enums and the error domain -------------------------------------------------
for enum_name, enum in sorted(enums.items()):
    if enum.get(GLIB + "get-type") is None:
        fail(enum_name, "an enum without a registered GType (types.h)")
error_enum = enums.get("Error")
if error_enum is None or error_enum.get(GLIB + "error-domain") != "sm-error-quark":
    fail("SmError", "not the error domain sm-error-quark in the gir")

if docs is not None:
    for name in sorted(declared):
        if not name.endswith("_get_type") and "| `%s()` |" % name not in docs:
            fail(name, "not in the table of docs/bindings.md")

if problems:
    print("what a binding cannot call (see the top of gir-check.py):",
          file=sys.stderr)
    for p in problems:
        print("  " + p, file=sys.stderr)
    print("0 passed, 1 failed")
    sys.exit(1)
print("%d functions callable from bindings" % sum(
    1 for e in callables.values() if e.get("introspectable") != "0"))
print("1 passed, 0 failed")
