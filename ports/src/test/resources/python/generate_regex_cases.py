"""Writes which regular expressions Python's re module compiles, the reference PythonRegexTest holds Gatehouse to.

    python3 ports/src/test/resources/python/generate_regex_cases.py

The Logfire SDK evaluates a variable's value-matches-regex condition with Python's re.search, so a pattern is valid
where re.compile accepts it. Each line of regexes.tsv is a pattern, a tab, and OK or ERROR.
"""

import pathlib
import re
import sys

HERE = pathlib.Path(__file__).parent

CASES = [
    # accepted by both
    r"^[a-z]+@example\.com$", r"\d{3}-\d{4}", r"(a|b)*c", r"(?:abc)+", r"(?i)hello", r"a{2,5}", r"a{2,}", r"a{2}",
    r"[^\s]+", r"\bword\b", r"(?=look)ahead", r"(?!no)x", r"(?<=a)b", r"(?<!a)b", r"a*?", r"a+?", r"a??",
    r"\w+\W\s\S", r"[\d\w-]", r"\\", r"\.", r"\$\^", r"\x41", r"\u00e9", r"\t\n\r\f\v", r"\101", r"\0", r".*",
    r"(a)(b)\2\1", r"[a-z&&[^e]]", r"(?s).", r"(?m)^x$", r"(?x) a b ", r"\A\Z", r"caf\u00e9",
    # Python's syntax, refused by Java as written
    r"(?P<user>[^@]+)@example\.com", r"(?P<a>x)(?P=a)", r"x{,3}", r"(?P<n>\d)",
    # Java's syntax, refused by Python
    r"\p{Lu}+", r"\P{L}", r"\Qa.b\E", r"(?<n>x)", r"\k<n>", r"\h", r"\H", r"\R", r"\X", r"\z", r"\G", r"\e",
    r"a{1}{2}", r"a**", r"a++b", r"(?>atomic)", r"x*+", r"\cA", r"\x{41}", r"[a-z&&[^aeiou]]", r"(?U)x",
    r"(?d)x", r"\N{LATIN SMALL LETTER E WITH ACUTE}",
    # refused by both
    r"(", r")", r"[", r"a{2,1}", r"*a", r"+", r"(?", r"\\\\\\", r"(?P<1>x)", r"(?P=missing)", r"[z-a]",
    r"\k", r"a{", r"x{2,3", r"\8", r"(a)\2", r"(a)(b)\2", r"(?P<user_name>\w+)", r"[]a]", r"[\[]x", r"(?i:abc)",
    r"\U0001F600", r"(?a)\w", r"\N{LATIN SMALL LETTER E WITH ACUTE}+", r"[\b]", r"\377", r"\400",
]


def main():
    lines = [f"# Python {sys.version.split()[0]}: written by generate_regex_cases.py; do not edit"]
    for pattern in dict.fromkeys(CASES):
        assert "\t" not in pattern and "\n" not in pattern
        try:
            re.compile(pattern)
            verdict = "OK"
        except re.error:
            verdict = "ERROR"
        lines.append(f"{pattern}\t{verdict}")
    (HERE / "regexes.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
