"""The wire format between the grader and a worker: length-prefixed JSON, never pickle.

Values are plain JSON (null, bools, numbers with NaN/Infinity, strings, lists) plus a few
tagged objects with a single "$" key:
  {"$nd": [dtype, shape, base64]}  a numpy array of dtype <f8, <i8 or |b1 (exact bytes)
  {"$dict": {...}}                 a mapping with string keys
  {"$fn": [name, part, params]}    a test function the worker builds from testfuncs
  {"$rng": seed}                   a fresh np.random.default_rng(seed)
  {"$bad": description}            a value the worker refused to send (not plain data)
This module is imported by the worker as a top-level script module: it must not import
anything from the grader package.
"""

from __future__ import annotations

import base64
import json
import re
import socket
import struct
from dataclasses import dataclass
from typing import Any

import numpy as np

# The largest message either side reads. The grader holds one whole, with its parsed and
# decoded copies: at 256 MB, answers of 20 million floats took a grading process to 2.5 GB (a
# batch runs one per CPU). The reference's largest answer is 76 KB, an exercise's planned
# answers together 127 KB; the worker sends an answer past what is left of it as $bad "large".
MAX_MESSAGE_BYTES = 32 * 1024 * 1024
MAX_REPLIES_BYTES = MAX_MESSAGE_BYTES - 1024 * 1024  # the rest: room for the "large" in their place
MAX_DEPTH = 16
HEADER = struct.Struct(">I")
DTYPES = {"f": "<f8", "i": "<i8", "u": "<i8", "b": "|b1"}
# Exact numpy scalar types accepted as numbers; subclasses are refused.
NUMPY_FLOATS = (np.float16, np.float32, np.float64, np.longdouble)
NUMPY_INTS = (np.int8, np.int16, np.int32, np.int64, np.uint8, np.uint16, np.uint32, np.uint64)


class ProtocolError(Exception):
    """A message that is not well-formed: too large, truncated, or not our JSON."""


@dataclass(frozen=True)
class Rejected:
    """A value the worker would not send as data, with what it was (e.g. an ndarray subclass)."""

    description: str


@dataclass(frozen=True)
class RngSpec:
    """Stands for np.random.default_rng(seed), built fresh wherever it is used."""

    seed: int

    def build(self) -> np.random.Generator:
        return np.random.default_rng(self.seed)


def describe(value: Any) -> str:
    """What a refused value is, without calling any of its methods, as 'array|DTYPE',
    'subclass|NAME', 'numpy|NAME' or 'object|NAME' (the grader words it: verdict.py)."""
    kind = type(value)
    name = _CLASS_NAME.__get__(kind, type)  # type's own attributes: a metaclass may fake them
    if issubclass(kind, np.ndarray):
        if kind is np.ndarray:
            return f"array|{value.dtype}"
        return f"subclass|{name}"
    if _CLASS_MODULE.__get__(kind, type) == "numpy":
        return f"numpy|{name}"
    return f"object|{name}"


_CLASS_NAME, _CLASS_MODULE = type.__dict__["__name__"], type.__dict__["__module__"]


MAX_DEFAULT_DIGITS = 100
MAX_DEFAULT_CHARACTERS = 100


def is_plain_default(value: Any) -> bool:
    """A default value of a student's parameter that may be quoted in a message: a number of at
    most 100 digits, a boolean, a text of at most 100 characters (the worker sends only these,
    the grader keeps only these)."""
    kind = type(value)
    if kind is int:
        return -10**MAX_DEFAULT_DIGITS < value < 10**MAX_DEFAULT_DIGITS
    return kind in (float, bool) or (kind is str and len(value) <= MAX_DEFAULT_CHARACTERS)


class UnsendableArgument(TypeError):
    """A hidden suite passes student code something that is not data (a lambda, an object):
    the suite's mistake, never the student's."""


def encode(value: Any, allow_specs: bool = False, depth: int = 0) -> Any:
    """Turn a value into plain JSON data; anything that is not plain data becomes $bad.

    The grader's requests may hold test functions and RNG specs (allow_specs=True); a
    worker's answer never does. In a request, what is not data raises UnsendableArgument
    instead: a student would be sent a refused value.
    """
    kind = type(value)
    if value is None or kind in (bool, int, float, str):
        return value
    if depth >= MAX_DEPTH:  # the $bad itself then sits at a depth decode still reads
        return _refused("deep|", allow_specs)
    if kind in NUMPY_FLOATS:
        return float(value)
    if kind in NUMPY_INTS:
        return int(value)
    if kind is np.bool_:
        return bool(value)
    if kind in (list, tuple):
        return [encode(item, allow_specs, depth + 1) for item in value]
    # By the class, never isinstance: that asks the object's own __class__, which it may fake.
    if issubclass(kind, tuple):  # a namedtuple is a tuple: its items, read by tuple's own iterator
        return [encode(item, allow_specs, depth + 1) for item in tuple.__iter__(value)]
    if issubclass(kind, list):  # a list subclass: its items, read by list's own iterator
        return [encode(item, allow_specs, depth + 1) for item in list.__iter__(value)]
    if issubclass(kind, str):  # numpy.str_ is a str: its characters, by str's own method
        return str.__str__(value)
    if issubclass(kind, dict):  # an OrderedDict, a defaultdict: its items, read by dict's own method
        items = list(dict.items(value))
        if all(type(key) is str for key, _ in items):
            return {"$dict": {key: encode(item, allow_specs, depth + 1) for key, item in items}}
    if kind is np.ndarray and value.dtype.kind in DTYPES:
        array = np.ascontiguousarray(value, dtype=DTYPES[value.dtype.kind])
        payload = base64.b64encode(array.tobytes()).decode("ascii")
        return {"$nd": [array.dtype.str, list(value.shape), payload]}  # ascontiguousarray makes 0-d 1-d
    if allow_specs and kind is RngSpec:
        return {"$rng": value.seed}
    if allow_specs and hasattr(kind, "wire_spec"):
        return {"$fn": value.wire_spec()}
    return _refused(describe(value), allow_specs)


def _refused(description: str, in_a_request: bool) -> dict:
    """What a value that is not plain data becomes: $bad in an answer; in a request, an error."""
    if in_a_request:
        raise UnsendableArgument(description)
    return {"$bad": description}


def encode_request(message: dict) -> dict:
    """A request with its args and kwargs encoded (test functions and RNG specs allowed).
    Raises UnsendableArgument for anything else: a student would be sent a refused value."""
    try:
        return dict(
            message,
            args=encode(list(message.get("args", ())), allow_specs=True),
            kwargs=encode(dict(message.get("kwargs", {})), allow_specs=True),
        )
    except UnsendableArgument as refused:
        raise UnsendableArgument(
            f"the hidden suite passes {message.get('function', 'student code')} a value that is not data ({refused}): "
            "pass plain numbers, lists, arrays, dicts, test functions (Objective(...).f, .grad) or RngSpec") from None


def decode(data: Any, build_function: Any = None, depth: int = 0) -> Any:
    """The inverse of encode. `build_function(name, part, params)` makes $fn callables.

    Without build_function (the grader reading a worker's answer) $fn and $rng are refused.
    """
    if data is None or type(data) in (bool, int, float, str):
        return data
    if depth > MAX_DEPTH:
        raise ProtocolError("value nested too deeply")
    if type(data) is list:
        return [decode(item, build_function, depth + 1) for item in data]
    if type(data) is not dict or len(data) != 1:
        raise ProtocolError("unexpected JSON object")
    (tag, body), = data.items()
    if tag == "$nd":
        return _decode_array(body)
    if tag == "$dict" and type(body) is dict:
        return {str(k): decode(v, build_function, depth + 1) for k, v in body.items()}
    if tag == "$bad":
        return Rejected(str(body)[:200])
    if tag == "$rng" and build_function is not None and type(body) is int:
        return np.random.default_rng(body)
    if tag == "$fn" and build_function is not None and type(body) is list and len(body) == 3:
        return build_function(*body)
    raise ProtocolError(f"unexpected tag {tag!r}")


def _decode_array(body: Any) -> np.ndarray:
    if type(body) is not list or len(body) != 3:
        raise ProtocolError("malformed array")
    dtype, shape, payload = body
    if dtype not in DTYPES.values() or type(shape) is not list:
        raise ProtocolError("array of an unexpected dtype")
    if not all(type(n) is int and n >= 0 for n in shape):
        raise ProtocolError("array of an impossible shape")
    raw = base64.b64decode(payload, validate=True)
    array = np.frombuffer(raw, dtype=dtype)
    if array.size != int(np.prod(shape)):
        raise ProtocolError("array size does not match its shape")
    return array.reshape(shape).copy()


def dumps(value: Any) -> bytes:
    """The JSON text of a message or a part of one, as `send` writes it."""
    return json.dumps(value, separators=(",", ":")).encode("utf-8")


def send(sock: socket.socket, message: dict) -> None:
    """Write one message: a 4-byte big-endian length, then UTF-8 JSON."""
    send_text(sock, dumps(message))


def send_text(sock: socket.socket, body: bytes) -> None:
    """Write one message whose JSON text is already made (see `dumps`)."""
    if len(body) > MAX_MESSAGE_BYTES:
        raise ProtocolError("message too large")
    sock.sendall(HEADER.pack(len(body)) + body)


def receive(sock: socket.socket) -> dict:
    """Read one message (blocking; the grader sets a socket timeout first)."""
    return parse(receive_body(sock))


def receive_body(sock: socket.socket) -> bytes:
    """Read one message's text, not parsed yet."""
    (length,) = HEADER.unpack(_read_exactly(sock, HEADER.size))
    if length > MAX_MESSAGE_BYTES:
        raise ProtocolError("message too large")
    return _read_exactly(sock, length)


def parse(body: bytes) -> dict:
    """A message's JSON object. The text may be anyone's (student code can write its own on the
    channel): a number of more digits than Python converts (ValueError) or arrays nested deeper
    than the parser recurses (RecursionError) is as malformed as any other. Its strings hold no
    lone surrogate (see `whole_characters`)."""
    try:
        text = body.decode("utf-8")
        message = json.loads(text)
        if LONE_SURROGATE_ESCAPE.search(text):
            message = whole_characters(message)
    except (UnicodeDecodeError, ValueError, RecursionError) as err:  # ValueError: JSONDecodeError too
        raise ProtocolError("message is not JSON") from err
    if type(message) is not dict:
        raise ProtocolError("message is not a JSON object")
    return message


# JSON may spell a UTF-16 surrogate alone (`"\ud800"`): Python reads it as a str that cannot be
# written as UTF-8. An exception's text holding one made every report that quotes it fail (the
# JSON of `grade exercise`, the terminal, a whole batch: "The grader itself failed").
LONE_SURROGATE_ESCAPE = re.compile(r"\\u[dD][89a-fA-F]")
SURROGATE = re.compile("[\ud800-\udfff]")


def whole_characters(value: Any) -> Any:
    """`value` with every lone surrogate of its strings (keys too) replaced by U+FFFD."""
    if type(value) is str:  # (json reads a pair, high then low, as the one character it spells)
        return SURROGATE.sub("\ufffd", value)
    if type(value) is list:
        return [whole_characters(item) for item in value]
    if type(value) is dict:
        return {whole_characters(key): whole_characters(item) for key, item in value.items()}
    return value


def encoded_text(value: Any) -> bytes:
    """The text of encode(value) as `send` writes it inside a message."""
    return dumps(encode(value))


def reply_text(answer_text: bytes) -> bytes:
    """The exact text of a worker's reply, inside a `groups` message's answer (its requests
    carry no id: position says which is which), whose answer has the text `answer_text` (see
    encoded_text): replies can be compared with known answers without being parsed. Equal
    texts decode to equal values."""
    return b'{"ok":%s,"id":null}' % answer_text


def groups_message(groups: list[list[bytes]]) -> bytes:
    """The text of a `groups` message: requests (each as its `dumps` text) in groups; the
    worker answers each group with one message, a `replies_message` of its replies in order."""
    return b'{"op":"groups","groups":[%s]}' % b",".join(b"[%s]" % b",".join(group) for group in groups)


def bounded_replies(replies: Any) -> bytes:
    """The text of a worker's answer to one group (see replies_message), its `replies` (dicts,
    in order) as they are while they fit in MAX_REPLIES_BYTES together; each one past that, as
    a $bad of its size ("large|MB"): an answer too large for the grader to read is refused as
    any other value that is not plain data, on its own."""
    texts, size = [], 0
    for reply in replies:
        text = dumps(reply)
        if size + len(text) > MAX_REPLIES_BYTES:
            text = dumps({"ok": {"$bad": f"large|{len(text) // 1_000_000}"}, "id": reply.get("id")})
        size += len(text)
        texts.append(text)
    return replies_message(texts)


def replies_message(replies: list[bytes]) -> bytes:
    """The text of a worker's answer to one group: {"replies": [reply, ...]}, as `send`
    writes it (each reply as its `dumps` text)."""
    return b'{"replies":[%s]}' % b",".join(replies)


def _read_exactly(sock: socket.socket, size: int) -> bytes:
    chunks, remaining = [], size
    while remaining:
        chunk = sock.recv(min(remaining, 1 << 20))
        if not chunk:
            raise EOFError("the worker closed the channel")
        chunks.append(chunk)
        remaining -= len(chunk)
    return b"".join(chunks)


MAX_CONTROL_BYTES = 64 * 1024


def recv_control(channel: socket.socket, max_fds: int = 0) -> tuple[bytes, list[int]]:
    """One newline-ended message of the zygote's control channel (a stream socket: macOS has no
    SOCK_SEQPACKET for Unix sockets) and the descriptors sent with it; b"" when the other end
    closed. Only one message is ever in flight: the grader waits for each reply."""
    data, fds = b"", []
    while not data.endswith(b"\n"):
        chunk, received, _, _ = socket.recv_fds(channel, 4096, max_fds) if max_fds else (channel.recv(4096), [], 0, None)
        fds += received
        if not chunk:
            return b"", fds
        data += chunk
        if len(data) > MAX_CONTROL_BYTES:
            raise ProtocolError("control message too large")
    return data, fds

