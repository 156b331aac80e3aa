"""Verification codes: 15 random symbols of Crockford's base32 alphabet (75 bits, too many to
enumerate) and one check symbol, so a mistyped code is refused before any database look-up.

The check symbol makes the sum of the 16 symbols, weighted by g^15 … g^1, g^0 in GF(32), zero.
Distinct non-zero weights catch every single changed symbol and every transposition. ISO 7064's
hybrid system over these 32 symbols (python-stdnum's `mod_37_36` with a custom alphabet, which
is then Mod 33,32) misses about one adjacent transposition in 500, so it was not used."""

from __future__ import annotations

import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PAYLOAD_LENGTH = 15
LENGTH = PAYLOAD_LENGTH + 1

# Crockford's decoding: the letters people confuse with digits read as those digits.
_LOOK_ALIKES = str.maketrans({"O": "0", "I": "1", "L": "1", "-": None})

# GF(32) built on the primitive polynomial x⁵ + x² + 1, so its generator g = 2 has order 31.
_EXP: list[int] = []
_value = 1
for _ in range(31):
    _EXP.append(_value)
    _value <<= 1
    if _value & 0b100000:
        _value ^= 0b100101
_LOG = {value: power for power, value in enumerate(_EXP)}


class CodeError(ValueError):
    def __init__(self, message: str, *, reason: str) -> None:
        super().__init__(message)
        self.reason = reason  # "malformed" or "mistyped"


def new_code() -> str:
    payload = "".join(secrets.choice(ALPHABET) for _ in range(PAYLOAD_LENGTH))
    return payload + check_symbol(payload)


def check_symbol(payload: str) -> str:
    return ALPHABET[_weighted_sum(payload, first_power=len(payload))]


def normalise(text: str) -> str:
    return "".join(text.split()).upper().translate(_LOOK_ALIKES)


def parse(text: str) -> str:
    code = normalise(text)
    if len(code) != LENGTH or any(symbol not in ALPHABET for symbol in code):
        raise CodeError(
            f"A code has {LENGTH} letters and digits, like XXXX-XXXX-XXXX-XXXX.",
            reason="malformed",
        )
    if _weighted_sum(code, first_power=LENGTH - 1) != 0:
        raise CodeError("This code looks mistyped: check each symbol.", reason="mistyped")
    return code


def display(code: str) -> str:
    return "-".join(code[i : i + 4] for i in range(0, len(code), 4))


def _weighted_sum(symbols: str, *, first_power: int) -> int:
    total = 0
    for position, symbol in enumerate(symbols):
        total ^= _multiply(_EXP[first_power - position], ALPHABET.index(symbol))
    return total


def _multiply(a: int, b: int) -> int:
    if a == 0 or b == 0:
        return 0
    return _EXP[(_LOG[a] + _LOG[b]) % 31]
