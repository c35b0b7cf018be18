#!/usr/bin/env python3
"""Per-class test time from VSTest TRX files, slowest first: where to look when the suite gets slower.

Usage: python3 scripts/test-durations.py TestResults/sqlite/*.trx [--top 40]
A class's time is the sum of its tests' durations; a class fixture's app start is counted in the test that first uses it.
"""
import argparse
import collections
import xml.etree.ElementTree as ET

NS = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}


def seconds(duration: str) -> float:
    h, m, s = duration.split(":")
    return int(h) * 3600 + int(m) * 60 + float(s)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("trx", nargs="+")
    parser.add_argument("--top", type=int, default=40)
    args = parser.parse_args()
    for path in args.trx:
        root = ET.parse(path).getroot()
        classes = {u.get("id"): u.find("t:TestMethod", NS).get("className") for u in root.iterfind(".//t:UnitTest", NS)}
        per_class = collections.defaultdict(lambda: [0, 0.0])
        for result in root.iterfind(".//t:UnitTestResult", NS):
            entry = per_class[classes[result.get("testId")]]
            entry[0] += 1
            entry[1] += seconds(result.get("duration", "0:0:0"))
        times = root.find("t:Times", NS).attrib
        total = sum(d for _, d in per_class.values())
        print(f"{path}: {times.get('start')} .. {times.get('finish')}, sum of test durations {total:.0f} s")
        for name, (count, duration) in sorted(per_class.items(), key=lambda kv: -kv[1][1])[: args.top]:
            print(f"{duration:8.1f} s {count:4d}  {name}")


if __name__ == "__main__":
    main()
