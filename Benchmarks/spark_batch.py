"""Runs `backcheck batch` under Spark (local mode) through `pipe`, then checks every record
against a direct run of the same file: the same ids, and the same reports apart from
`generated_at` and `line` (which counts within each split). Prints both throughputs.

usage: spark_batch.py BACKCHECK PEOPLE.jsonl DIRECT.jsonl OUT_DIR DIRECT_SECONDS
"""
import glob
import json
import os
import shutil
import sys
import time

from pyspark import SparkConf, SparkContext


def records(lines):
    """id -> the record without `line`, and its report without `generated_at`."""
    result = {}
    for line in lines:
        record = json.loads(line)
        record.pop("line", None)
        if "report" in record:
            record["report"].pop("generated_at", None)
        if record["id"] in result:
            raise SystemExit(f"the id {record['id']!r} comes twice")
        result[record["id"]] = record
    return result


def main():
    backcheck, people, direct, out, direct_seconds = sys.argv[1:6]
    cores = os.cpu_count() or 1
    conf = (SparkConf().setMaster("local[*]").setAppName("backcheck-batch")
            .set("spark.ui.enabled", "false").set("spark.driver.memory", "1g"))
    context = SparkContext(conf=conf)
    context.setLogLevel("ERROR")
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    # Each task is one `backcheck batch` process on one core; Spark runs one task per core.
    (context.textFile(people, minPartitions=cores * 4)
        .pipe(f"{backcheck} batch --allow-errors --no-progress --jobs 1")
        .saveAsTextFile(out))
    spark_seconds = time.perf_counter() - start
    context.stop()

    with open(people, encoding="utf-8") as file:
        count = sum(1 for line in file if line.strip())
    with open(direct, encoding="utf-8") as file:
        expected = records(file)
    got = {}
    for part in sorted(glob.glob(os.path.join(out, "part-*"))):
        with open(part, encoding="utf-8") as file:
            for key, value in records(file).items():
                if key in got:
                    raise SystemExit(f"the id {key!r} comes out of two splits")
                got[key] = value
    missing = expected.keys() - got.keys()
    extra = got.keys() - expected.keys()
    different = [key for key in expected.keys() & got.keys() if expected[key] != got[key]]
    print(f"people: {count}; direct records: {len(expected)}; Spark records: {len(got)}")
    print(f"missing from Spark: {len(missing)}; only in Spark: {len(extra)}; different reports: {len(different)}")
    direct_seconds = float(direct_seconds)
    print(f"direct batch (every core):          {direct_seconds:8.1f} s  {count / direct_seconds:8.0f} people/s")
    print(f"Spark local[{cores}], pipe, --jobs 1: {spark_seconds:8.1f} s  {count / spark_seconds:8.0f} people/s")
    if missing or extra or different or len(expected) != count:
        for key in different[:3]:
            print("first difference in", key)
        raise SystemExit(1)
    print("every record matches")


if __name__ == "__main__":
    main()
