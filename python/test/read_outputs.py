"""Reads gap's Parquet outputs as a researcher and a clinician would, with pyarrow and pandas; run by PythonReadTest.

    read_outputs.py samples SAMPLES.parquet CLINICIAN.json RESEARCHER.json EXPECTED.json
    read_outputs.py calls SPARK_DIRECTORY CLI.parquet

Prints one line per check and exits 1 at the first that fails.
"""
import itertools
import json
import sys

import pandas as pd
import pyarrow.parquet as pq
import pyarrow.parquet.encryption as pe

from gap_kms import GapKmsClient

CLEAR = ["sampleId", "patientPseudonym", "sex", "role", "familyId"]
IDENTIFIERS = ["patientId", "mrn", "sampleAlias"]


def check(ok, what):
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        sys.exit(1)


def decryption(keys_file):
    kms = pe.KmsConnectionConfig(custom_kms_conf=json.load(open(keys_file)))
    return pe.CryptoFactory(GapKmsClient).file_decryption_properties(kms, pe.DecryptionConfiguration())


def samples(path, clinician, researcher, expected_file):
    expected = json.load(open(expected_file))
    # every set of clear columns, through each of pyarrow's and pandas' readers, with no key at all
    for n in range(1, len(CLEAR) + 1):
        for columns in itertools.combinations(CLEAR, n):
            columns = list(columns)
            want = [{c: row[c] for c in columns} for row in expected]
            check(pq.read_table(path, columns=columns).to_pylist() == want, f"pq.read_table {columns}")
            check(pq.ParquetFile(path).read(columns=columns).to_pylist() == want, f"ParquetFile.read {columns}")
            frame = pd.read_parquet(path, columns=columns)
            check(frame.to_dict("records") == want, f"pandas.read_parquet {columns}")
    metadata = pq.ParquetFile(path).metadata
    check(metadata.num_rows == len(expected), "metadata: row count without a key")
    for i, name in enumerate(CLEAR):
        check(metadata.row_group(0).column(i).path_in_schema == name, f"metadata of clear column {name}")
    # a clinician's keys, through pyarrow's own encryption API and gap's KMS client
    full = pq.read_table(path, decryption_properties=decryption(clinician)).to_pylist()
    check(full == expected, "clinician: every column with pyarrow's PME API and GapKmsClient")
    try:
        pq.read_table(path, columns=IDENTIFIERS, decryption_properties=decryption(researcher))
        check(False, "researcher: identifiers must not decrypt")
    except Exception as e:  # pyarrow wraps the KMS client's KeyError
        check("clinician" in str(e), "researcher: identifiers refused (" + str(e).splitlines()[0][:80] + ")")


def calls(directory, cli_file):
    """The Spark driver's partitioned directory gives the CLI file's rows, read as a dataset by pyarrow and pandas."""
    key = ["contigName", "start", "end", "referenceAllele", "alternateAlleles", "qual", "filters", "INFO_DP"]

    def rows(records):
        return sorted(([r[k] for k in key] + [[(g["sampleId"], g["calls"], g["depth"]) for g in r["genotypes"]]]
                       for r in records), key=str)

    want = rows(pq.read_table(cli_file).to_pylist())
    check(rows(pq.read_table(directory).to_pylist()) == want, f"pq.read_table: the CLI's rows ({len(want)})")
    frame = pd.read_parquet(directory)
    check(sorted(zip(frame["contigName"], frame["start"])) == sorted((r[0], r[1]) for r in want),
          f"pandas.read_parquet: the CLI's {len(want)} sites")
    check(sorted(frame["contig"].astype(str)) == sorted(frame["contigName"]), "pandas: the path's contig key")

if __name__ == "__main__":
    {"samples": samples, "calls": calls}[sys.argv[1]](*sys.argv[2:])
