#!/usr/bin/env python3
"""Makes the user the read benchmark lists: `bench`, with one enabled virtual MFA device.

Usage: mfa_user_setup.py ENDPOINT ACCESS_KEY_ID SECRET_ACCESS_KEY

Works against Gatehouse and moto_server alike: the two codes that enable the device are real
TOTP codes (RFC 6238, SHA-1, 6 digits, 30 s) of the seed the server returned, for the previous
step and the current one, as AWS requires two consecutive codes.
"""
import base64
import hashlib
import hmac
import struct
import sys
import time

import boto3


def totp(seed_base32, at):
    key = base64.b32decode(seed_base32 + "=" * (-len(seed_base32) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(at) // 30), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1_000_000)


def main(endpoint, access_key, secret):
    iam = boto3.client("iam", endpoint_url=endpoint, region_name="us-east-1",
                       aws_access_key_id=access_key, aws_secret_access_key=secret)
    iam.create_user(UserName="bench")
    device = iam.create_virtual_mfa_device(VirtualMFADeviceName="bench-phone")["VirtualMFADevice"]
    seed = device["Base32StringSeed"]
    seed = seed.decode("ascii") if isinstance(seed, bytes) else seed
    now = time.time()
    iam.enable_mfa_device(UserName="bench", SerialNumber=device["SerialNumber"],
                          AuthenticationCode1=totp(seed, now - 30), AuthenticationCode2=totp(seed, now))
    listed = iam.list_mfa_devices(UserName="bench")["MFADevices"]
    assert len(listed) == 1, listed


if __name__ == "__main__":
    main(*sys.argv[1:4])
