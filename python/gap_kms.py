"""pyarrow's Parquet Modular Encryption KMS client for gap's samples.parquet.

gap wraps each file's data keys with the keystore's master keys by AES-GCM (a 12-byte nonce, then the ciphertext and
its tag, base64; the master key's id authenticated with it), as parquet-java's local wrapping does. This client does
the same with the master keys of `gap keys export-kms` (a clinician's: footer and clinician column keys), given as
pyarrow's `custom_kms_conf`.

    import json, pyarrow.parquet as pq, pyarrow.parquet.encryption as pe
    from gap_kms import GapKmsClient
    kms = pe.KmsConnectionConfig(custom_kms_conf=json.load(open("clinician-keys.json")))
    decryption = pe.CryptoFactory(GapKmsClient).file_decryption_properties(kms, pe.DecryptionConfiguration())
    samples = pq.read_table("out/samples.parquet", decryption_properties=decryption).to_pandas()

Needs pyarrow and cryptography (pip install pyarrow cryptography).
"""
import base64
import os

import pyarrow.parquet.encryption as pe
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

_NONCE = 12


class GapKmsClient(pe.KmsClient):
    """Wraps and unwraps Parquet data keys with the master keys of `gap keys export-kms`."""

    def __init__(self, config):
        super().__init__()
        self._master = {key_id: base64.b64decode(key) for key_id, key in config.custom_kms_conf.items()}

    def _key(self, key_id):
        if key_id not in self._master:
            raise KeyError(f"the key file lacks the {key_id} key: a clinician's keys are needed for identifiers")
        return AESGCM(self._master[key_id])

    def wrap_key(self, key_bytes, master_key_identifier):
        nonce = os.urandom(_NONCE)
        sealed = self._key(master_key_identifier).encrypt(nonce, key_bytes, master_key_identifier.encode())
        return base64.b64encode(nonce + sealed)

    def unwrap_key(self, wrapped_key, master_key_identifier):
        raw = base64.b64decode(wrapped_key)
        return self._key(master_key_identifier).decrypt(raw[:_NONCE], raw[_NONCE:], master_key_identifier.encode())
