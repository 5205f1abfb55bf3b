"""Writes what pydantic makes of date-time and duration text, the reference PydanticTimeTest holds Gatehouse to.

    python3 http-javalin/src/test/resources/pydantic/generate_time_cases.py

Each line of datetimes.tsv and durations.tsv is an input, a tab, and pydantic's reading of it: for a date-time the
UTC instant (a naive one read as UTC) with six fraction digits, for a duration its signed whole microseconds, or
ERROR where pydantic refuses it (or, for a date-time, where it lies outside the years 1 to 9999 in UTC). Each line
of written.tsv is a number of microseconds, a tab, and the text pydantic writes for that duration; of
written-datetimes.tsv, a UTC date-time, a tab, and the text pydantic writes for it. The random cases
come from a fixed seed, so the files change only with pydantic's behaviour or this script.
"""

import pathlib
import random
from datetime import datetime, timedelta, timezone

import pydantic
from pydantic import TypeAdapter, ValidationError

DATETIME = TypeAdapter(datetime)
DURATION = TypeAdapter(timedelta)
HERE = pathlib.Path(__file__).parent

DATETIME_CASES = [
    "2024-01-01T10:00:00Z", "2024-01-01t10:00:00Z", "2024-01-01 10:00:00Z", "2024-01-01_10:00:00Z",
    "2024-01-01T10:00:00z", "2024-01-01T10:00Z", "2024-01-01T10Z", "2024-01-01T10:00:00",
    "2024-01-01T10:00:00+01:00", "2024-01-01T10:00:00+0100", "2024-01-01T10:00:00+01", "2024-01-01T10:00:00-05:30",
    "2024-01-01T10:00:00-00:00", "2024-01-01T10:00:00+23:59", "2024-01-01T10:00:00+24:00", "2024-01-01T10:00:00+12:60",
    "2024-01-01T10:00:00.1Z", "2024-01-01T10:00:00.123Z", "2024-01-01T10:00:00.123456Z",
    "2024-01-01T10:00:00.1234567Z", "2024-01-01T10:00:00.123456789Z", "2024-01-01T10:00:00.12345678901234Z",
    "2024-01-01T10:00:00,5Z", "2024-01-01T10:00:00.Z", "2024-01-01T10:00:00.5", "2024-01-01T10:00:00.999999999Z",
    "2024-01-01", "2024-1-01", "2024-01-1", "24-01-01", "20240101", "20240101T100000Z", "2024-01-01T",
    "2024-01-01T24:00:00Z", "2024-01-01T23:60:00Z", "2024-01-01T23:59:60Z", "2024-01-01T23:59:59Z",
    "2024-02-29T00:00:00Z", "2023-02-29T00:00:00Z", "2024-02-30T00:00:00Z", "2024-13-01T00:00:00Z",
    "2024-00-01T00:00:00Z", "2024-01-00T00:00:00Z", "2024-04-31T00:00:00Z", "0000-01-01T00:00:00Z",
    "0001-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59.999999Z",
    "9999-12-31T23:59:59-01:00", "10000-01-01T00:00:00Z", "+2024-01-01T00:00:00Z", "-2024-01-01T00:00:00Z",
    " 2024-01-01T10:00:00Z", "2024-01-01T10:00:00Z ", "2024-01-01T10:00:00 Z", "2024-01-01T10:00:00ZZ",
    "2024-01-01T10:00:00+01:00Z", "2024-01-01T10:00:00GMT", "2024-01-01T10:00:00UTC", "2024-01-01T1:00:00Z",
    "2024-01-01T10:0:00Z", "2024-01-01T10:00:0Z", "2024-01-01T10:00:00+1:00", "2024-01-01T10:00:00+01:0",
    "2024-01-01T10:00:00+01:00:00", "2024-01-01T10:00:00.+01:00", "2024-01-01T10:00:00.5+01:00",
    "2024/01/01T10:00:00Z", "2024-01-01X10:00:00Z", "2024-01-01TT10:00:00Z", "2024-01-01T10:00:00+0130",
    "2024-01-01T10:00:00-0130", "2024-01-01T10:00:00+013", "2024-01-01T10:00:00+", "2024-01-01T10:00:00-",
    "2024-01-01T10:00", "2024-01-01T10", "2024-01-01T10:00:", "2024-01-01T10:00:00:00",
    "1700000000", "1700000000.5", "-1700000000", "+1700000000", "1700000000000", "1700000000123.456",
    "20000000000", "20000000001", "-20000000001", "0", "0.000001", "0.0000001", "1e10", "1.5e9", "1_700_000_000",
    "170000000000000000", "253402300799", "253402300800", "-62135596800", "-62135596801", "1700000000.",
    ".5", "1700000000.123456789", "00001700000000", "nan", "inf", "", "T", "Z", "now", "today",
    "2024-01-01T10:00:00.123456789012345678901234567890Z", "\uff12\uff10\uff12\uff14-01-01", "2024-01-01T10:00:00+00:60",
    "2024-01-01T10:00:00\u00a0Z", "2024-01-01T10:00:00.5-23:59", "0001-01-01T00:00:00-00:01", "1e", "1.5e", "-", "+",
    "1.5.5", "--1", "0" * 41, "1" * 19, "-.5", "+.5", "5.", "1.e9",
]

DURATION_CASES = [
    "PT5M", "P1D", "P30D", "P31D", "PT24H", "P1DT1H", "P1W", "P2W3D", "P1M", "P1Y", "P1Y2M3DT4H5M6S",
    "P1.5D", "PT1.5H", "PT1,5H", "P0.5Y", "P1.123W", "PT0.000001S", "PT0.0000001S", "PT0.0000005S", "PT0.0000015S",
    "PT1.1234565S", "PT59.12S", "PT1H1M1.5S", "P1DT0.5S", "PT1.5H30M", "P1.5DT1H", "PT1H.5M", "PT.5S", "PT1.S",
    "P", "PT", "P1DT", "+PT", "-PT", "+P", "PT0S", "P0D", "-PT5M", "+PT5M", "-P1D", "--PT5M", "+-PT5M", "pt5m",
    "Pt5M", "PT5m", "p1d", "P1d", "PT5M5M", "PT5S5M", "P1D1D", "P1DT1HT1M", "PTT5M", "PT5", "P5", "P1H", "PT1D",
    "PT1Y", "PT1W", "P1Y1Y", "PT1M1H", "P1D1Y", "PT5M ", " PT5M", "P 1D", "P-1D", "PT-5M", "P1E3D", "PT1e3S",
    "P999999999D", "P1000000000D", "P2739726Y", "P2739727Y", "PT86400S", "PT4294967295S", "PT4294967296S",
    "PT99999999999999999999S", "10:00", "10:00:00", "10:00:00.5", "10:00:00,25", "23:59:59.999999",
    "24:00:00", "10:60:00", "10:00:60", "1:00:00", "10:0:00", "10:00:0", "10:00:00.", "10:00:00.1234567",
    "10:00:00.123456789", "-10:00", "+10:00", "10:00:00Z", "10:00:00+01:00", "1 day", "1 days", "1 day, 10:00:00",
    "2 days, 10:00:00", "2 days 10:00:00", "2 days,10:00:00", "2days", "2d", "2D", "2 d", "2d10:00:00",
    "2d, 10:00:00", "2 DAYS, 10:00:00", "2 Days", "2 dayss", "2 da", "2 dy", "-1 day, 23:00:00",
    "1 day, 10:00", "1 day, 25:00:00", "1 day,", "1 day, ", "1 day 10", "1.5 days", "1d 10:00:00.5",
    "300", "300.5", "-300", "1e3", "", "d", "day", "5M", "T5M", "hello",
    ":00:00", "+:00:00", "0:00:00", ":0:00", "P1DT-1H", "-P", "PT1H1H", "PT0.1234567890123456789S",
    "P0.0000000001D", "P1D\u00e9", "\uff11:00:00", "12345678901:00:00", "2400000000:00:00", "2400000001:00:00",
    "100000:00:00.123456789", "10:00:00.1234567Z", "10:00:00.12345Z", "1 day, 1:00", "1 day,10:00:00",
    "1 dayS", "1 DAYs", "1 DaYs", "1 dAYS", "1 dAy", "1DAY", "1 Day, 0:00:00.5", "P" + "1" * 30 + "D", "PT" + "9" * 12 + "S", "P1Y" * 3,
]

WRITTEN_MICROSECONDS = [
    0, 1, 1_000, 500_000, 1_000_000, 59_120_000, 60_000_000, 90_000_000, 300_000_000, 3_600_000_000,
    3_661_500_000, 7_205_000_000, 86_399_999_999, 86_400_000_000, 86_400_500_000, 90_000_000_000,
    2_592_000_000_000, 2_678_400_000_000, 31_536_000_000_000, 31_536_001_000_000, 34_560_000_000_000,
    63_072_000_000_001, -1, -1_000_000, -300_000_000, -86_400_000_000, -90_000_000_000,
]


WRITTEN_DATETIMES = [
    "0001-01-01T00:00:00.000000", "0999-12-31T23:59:59.999999", "1969-12-31T23:59:59.500000",
    "1970-01-01T00:00:00.000000", "2024-01-01T10:00:00.000000", "2024-01-01T10:00:00.100000",
    "2024-01-01T10:00:00.123000", "2024-01-01T10:00:00.000001", "2024-02-29T23:59:59.999999",
    "9999-12-31T23:59:59.999999",
]


def random_datetimes(rng, count):
    separators = "Tt _"
    offsets = ["Z", "z", "", "+00:00", "-00:00", "+05:30", "-08:00", "+0545", "-1200", "+14:00", "-23:59"]
    cases = []
    for _ in range(count):
        year = rng.choice([1, 2, 999, 1970, 2000, 2024, 2038, 9999, rng.randint(1, 9999)])
        month = rng.randint(1, 12)
        day = rng.choice([1, 28, 29, 30, 31, rng.randint(1, 31)])
        text = f"{year:04d}-{month:02d}-{day:02d}"
        if rng.random() < 0.9:
            text += rng.choice(separators) + f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
            if rng.random() < 0.85:
                text += f":{rng.randint(0, 59):02d}"
                if rng.random() < 0.6:
                    text += rng.choice(".,") + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 9)))
            text += rng.choice(offsets)
        cases.append(text)
    return cases


def random_durations(rng, count):
    cases = []
    for _ in range(count):
        sign = rng.choice(["", "", "", "+", "-"])
        if rng.random() < 0.7:
            text = "P"
            for unit in rng.sample("YMWD", rng.randint(0, 2)):
                text += str(rng.randint(0, 40)) + unit
            time_units = [unit for unit in "HMS" if rng.random() < 0.5]
            if time_units:
                text += "T" + "".join(str(rng.randint(0, 90)) + unit for unit in time_units)
            if rng.random() < 0.3 and text[-1].isalpha() and text[-1] not in "PT":
                number_end = len(text) - 1
                text = text[:number_end] + rng.choice(".,") + str(rng.randint(0, 999999)) + text[number_end:]
        elif rng.random() < 0.5:
            text = f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
            if rng.random() < 0.7:
                text += f":{rng.randint(0, 59):02d}"
                if rng.random() < 0.5:
                    text += "." + "".join(rng.choice("0123456789") for _ in range(rng.randint(1, 6)))
        else:
            text = f"{rng.randint(0, 400)}" + rng.choice([" day", " days", "d", " d", "D"])
            if rng.random() < 0.8:
                text += rng.choice([", ", ",", " ", ""]) + f"{rng.randint(0, 23):02d}:{rng.randint(0, 59):02d}"
                if rng.random() < 0.6:
                    text += f":{rng.randint(0, 59):02d}"
        cases.append(sign + text)
    return cases


def read_datetime(text):
    try:
        value = DATETIME.validate_json('"' + text + '"')
    except ValidationError:
        return "ERROR"
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    try:
        value = value.astimezone(timezone.utc)
    except OverflowError:
        return "ERROR"
    return value.replace(tzinfo=None).isoformat(timespec="microseconds") + "Z"


def read_duration(text):
    try:
        value = DURATION.validate_json('"' + text + '"')
    except ValidationError:
        return "ERROR"
    return str((value.days * 86_400 + value.seconds) * 1_000_000 + value.microseconds)


def write_lines(name, rows):
    for key, _ in rows:
        assert "\t" not in key and "\n" not in key, key
    lines = [f"# pydantic {pydantic.VERSION}: written by generate_time_cases.py; do not edit"]
    lines += [f"{key}\t{value}" for key, value in rows]
    (HERE / name).write_text("\n".join(lines) + "\n", encoding="utf-8")


def main():
    rng = random.Random(20261124)
    datetimes = list(dict.fromkeys(DATETIME_CASES + random_datetimes(rng, 600)))
    durations = list(dict.fromkeys(DURATION_CASES + random_durations(rng, 600)))
    write_lines("datetimes.tsv", [(text, read_datetime(text)) for text in datetimes])
    write_lines("durations.tsv", [(text, read_duration(text)) for text in durations])
    written = [(str(micros), DURATION.dump_json(timedelta(microseconds=micros)).decode()[1:-1])
               for micros in WRITTEN_MICROSECONDS]
    write_lines("written.tsv", written)
    written_datetimes = [(text, DATETIME.dump_json(datetime.fromisoformat(text).replace(tzinfo=timezone.utc))
                          .decode()[1:-1]) for text in WRITTEN_DATETIMES]
    write_lines("written-datetimes.tsv", written_datetimes)


if __name__ == "__main__":
    main()
