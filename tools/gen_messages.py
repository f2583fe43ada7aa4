#!/usr/bin/env python3
"""Generate the message catalogue (src/ecsguard/i18n/messages/*.toml) as C++.

Usage: tools/gen_messages.py --header OUT.h --table OUT.inc FILE.toml...
       tools/gen_messages.py --check FILE.toml...      (validate only; exit 1 on a defect)

Every entry is a TOML table with exactly the keys `en` and `ja`, e.g.

    [ctr001.root_writable]
    en = "container '{container}' ..."
    ja = "コンテナ '{container}' ..."

The texts are fmt format strings with named arguments (`{{` and `}}` are literal braces). The
build fails when an entry lacks a language, has a key other than en/ja, when its en and ja texts
name different arguments, or when an argument is positional or carries a format spec. The header
gives every entry an enum constant (i18n::Id::kCtr001RootWritable) and a struct with one member
per named argument (i18n::msg::ctr001::RootWritable{.container = name}), so a misspelled id or
argument, or a missing argument, does not compile.
"""
import argparse
import re
import sys
import tomllib

LANGS = ("en", "ja")
IDENT = re.compile(r"^[a-z][a-z0-9_]*$")
# Argument names become C++ members: no keyword (and no name the generated struct uses).
CPP_KEYWORDS = set("""alignas alignof and and_eq asm auto bitand bitor bool break case catch char
char8_t char16_t char32_t class compl concept const consteval constexpr constinit const_cast
continue co_await co_return co_yield decltype default delete do double dynamic_cast else enum
explicit export extern false float for friend goto if inline int long mutable namespace new
noexcept not not_eq nullptr operator or or_eq private protected public register
reinterpret_cast requires return short signed sizeof static static_assert static_cast struct
switch template this thread_local throw true try typedef typeid typename union unsigned using
virtual void volatile wchar_t while xor xor_eq k_id""".split())


class CatalogueError(Exception):
    pass


def placeholders(text, where):
    """The named arguments of a fmt format string, in order of first use."""
    names = []
    i = 0
    while i < len(text):
        c = text[i]
        if c in "{}" and text[i + 1:i + 2] == c:
            i += 2
            continue
        if c == "}":
            raise CatalogueError("%s: single '}' (write '}}' for a literal brace)" % where)
        if c == "{":
            end = text.find("}", i)
            if end < 0:
                raise CatalogueError("%s: unclosed '{'" % where)
            name = text[i + 1:end]
            if not IDENT.match(name):
                raise CatalogueError("%s: argument '{%s}' is not a lower_case name" % (where, name))
            if name in CPP_KEYWORDS:
                raise CatalogueError("%s: argument '{%s}' is a C++ keyword" % (where, name))
            if name not in names:
                names.append(name)
            i = end + 1
            continue
        i += 1
    return names


def entries_of(table, prefix, path, out):
    if set(table) & set(LANGS) or not any(isinstance(v, dict) for v in table.values()):
        key = ".".join(prefix)
        for lang in LANGS:
            if lang not in table or not isinstance(table[lang], str) or not table[lang].strip():
                raise CatalogueError("%s: [%s] has no '%s' text" % (path, key, lang))
        extra = sorted(set(table) - set(LANGS))
        if extra:
            raise CatalogueError("%s: [%s] has keys other than en/ja: %s" % (path, key, extra))
        en = placeholders(table["en"], "%s: [%s].en" % (path, key))
        ja = placeholders(table["ja"], "%s: [%s].ja" % (path, key))
        if sorted(en) != sorted(ja):
            raise CatalogueError("%s: [%s] en names %s but ja names %s" % (path, key, en, ja))
        out.append((key, table["en"], table["ja"], en))
        return
    for name, value in table.items():
        if not IDENT.match(name):
            raise CatalogueError("%s: key '%s' is not a lower_case name" % (path, name))
        if not isinstance(value, dict):
            raise CatalogueError("%s: [%s] is not a table" % (path, ".".join(prefix + [name])))
        entries_of(value, prefix + [name], path, out)


def load(paths):
    out = []
    for path in paths:
        with open(path, "rb") as f:
            try:
                data = tomllib.load(f)
            except tomllib.TOMLDecodeError as e:
                raise CatalogueError("%s: %s" % (path, e))
        entries_of(data, [], path, out)
    seen = set()
    for key, *_ in out:
        if key in seen:
            raise CatalogueError("entry [%s] is defined twice" % key)
        seen.add(key)
    out.sort(key=lambda e: e[0])
    return out


def camel(name):
    return "".join(p[:1].upper() + p[1:] for p in name.split("_"))


def enum_name(key):
    return "k" + "".join(camel(p) for p in key.split("."))


def lit(s):
    if ")ecsg\"" in s:
        raise CatalogueError("text contains the raw-string delimiter: %r" % s)
    return "R\"ecsg(" + s + ")ecsg\""


def header(entries):
    out = ["// GENERATED by tools/gen_messages.py from src/ecsguard/i18n/messages/*.toml. Do not edit.",
           "#pragma once",
           "// clang-format off",
           "// NOLINTBEGIN",
           "#include <cstddef>",
           "#include <cstdint>",
           "",
           "#include \"ecsguard/i18n/message.h\"",
           "",
           "namespace ecsguard::i18n {",
           "",
           "enum class Id : std::uint16_t {"]
    out += ["  %s," % enum_name(k) for k, *_ in entries]
    out += ["};", "inline constexpr std::size_t kIdCount = %d;" % len(entries), "",
            "}  // namespace ecsguard::i18n", ""]
    groups = {}
    for key, _en, _ja, args in entries:
        ns, _, leaf = key.rpartition(".")
        groups.setdefault(ns, []).append((key, leaf, args))
    for ns, items in groups.items():
        out.append("namespace ecsguard::i18n::msg%s {" % ("::" + ns.replace(".", "::") if ns else ""))
        for key, leaf, args in items:
            out.append("struct %s {" % camel(leaf))
            for a in args:
                out.append("  Value %s;" % a)
            pairs = ", ".join("{\"%s\", std::move(%s.text), std::move(%s.nested)}" % (a, a, a)
                              for a in args)
            out.append("  operator Message() && { return Message{Id::%s, {%s}}; }" % (
                enum_name(key), pairs))
            out.append("  operator Value() && { return Value(static_cast<Message>(std::move(*this))); }")
            out.append("  static constexpr Id kId = Id::%s;" % enum_name(key))
            out.append("};")
        out.append("}  // namespace ecsguard::i18n::msg%s" % ("::" + ns.replace(".", "::") if ns else ""))
        out.append("")
    out += ["// NOLINTEND", "// clang-format on"]
    return "\n".join(out) + "\n"


def table(entries):
    out = ["// GENERATED by tools/gen_messages.py from src/ecsguard/i18n/messages/*.toml. Do not edit.",
           "// clang-format off"]
    for i, (_k, _en, _ja, args) in enumerate(entries):
        if args:
            out.append("constexpr std::string_view kArgs%d[] = {%s};" % (
                i, ", ".join("\"%s\"" % a for a in args)))
    out.append("constexpr Entry kEntries[] = {")
    for i, (key, en, ja, args) in enumerate(entries):
        span = "std::span<const std::string_view>(kArgs%d)" % i if args else "{}"
        out.append("  {\"%s\", %s, %s, %s}," % (key, lit(en), lit(ja), span))
    out += ["};", "// clang-format on"]
    return "\n".join(out) + "\n"


def write_if_changed(path, text):
    """Keeps the file (and its time stamp) when the text is the same: a change of wording alters
    only the table, so only message.cpp recompiles, not everything that includes the header."""
    try:
        with open(path, encoding="utf-8") as f:
            if f.read() == text:
                return
    except OSError:
        pass
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--header")
    ap.add_argument("--table")
    ap.add_argument("--check", action="store_true")
    ap.add_argument("files", nargs="+")
    args = ap.parse_args()
    try:
        entries = load(args.files)
        if args.header:
            write_if_changed(args.header, header(entries))
        if args.table:
            write_if_changed(args.table, table(entries))
    except CatalogueError as e:
        print("gen_messages: %s" % e, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
