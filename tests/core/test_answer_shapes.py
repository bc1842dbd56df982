"""Answers a correct solution may give in another form than the reference: a 0-d array, a
namedtuple, numpy.str_, a pair as one array, the update rule's parts stacked in one array."""

from __future__ import annotations

import json
from collections import namedtuple

import numpy as np
import pytest

from grader.compare import Array, BadValue, Scalar, Text, Tuple, Vector
from grader.sandbox import loops, protocol


def over_the_wire(value):
    return protocol.decode(json.loads(json.dumps(protocol.encode(value))))


@pytest.mark.parametrize("value", [np.array(2.5), np.float64(2.5), np.array([[1.0, 2.0]]).sum().reshape(())])
def test_a_0d_array_arrives_as_a_scalar(value):
    back = over_the_wire(value)
    assert np.shape(back) == () and Scalar().normalize(back) == value


def test_namedtuples_and_numpy_strings_are_their_plain_selves():
    Pair = namedtuple("Pair", "dw db")

    class Lying(tuple):
        def __iter__(self):
            return iter([99.0, 99.0])

    assert over_the_wire(Pair(1.5, -2.0)) == [1.5, -2.0]
    assert over_the_wire(Lying((1.0, 2.0))) == [1.0, 2.0]  # its own items, not what it claims
    assert over_the_wire(np.str_("stalled")) == "stalled"
    assert Text().normalize(over_the_wire(np.array(["diverging", "stalled"])[1])) == "stalled"


def test_a_pair_of_numbers_may_be_one_array_but_a_lone_vector_is_not_the_parts():
    pair = Tuple((Scalar(), Scalar()), ("dw", "db"))
    assert pair.normalize(over_the_wire(np.array([0.5, -1.0]))) == (0.5, -1.0)
    update = Tuple((Vector(2), Vector(2)), ("w_new", "h_new"))
    got = update.normalize(over_the_wire(np.stack([np.ones(2), np.zeros(2)])))
    assert np.array_equal(got[0], np.ones(2)) and np.array_equal(got[1], np.zeros(2))
    with pytest.raises(BadValue) as info:
        update.normalize(over_the_wire(np.ones(2)))  # w_new alone, h forgotten
    assert info.value.message_id == "value.wrong_count"


@pytest.mark.parametrize(("value", "lang", "said"), [
    ([np.ones(2), np.zeros(2), 0.0], "en", "should be a tuple or a list of 2 parts (return a, b, …), not of 3."),
    ([np.ones(2), np.zeros(2), 0.0], "kk", "2 бөліктен тұратын кортеж немесе тізім болуы керек (return a, b, …), 3 бөліктен емес."),
    ([np.ones(2)], "ru", "ожидался кортеж или список из 2 частей (return a, b, …), а не из 1."),
    (np.ones(2), "kk", "(return a, b, …), жалғыз мән емес."),
    ({"w": 1.0}, "en", "(return a, b, …), not a single value."),
])
def test_a_wrong_number_of_parts_says_how_many_were_returned(value, lang: str, said: str):
    """`return w_new, h_new, t` or `return w_new`: 'should be 2 parts' alone did not say what
    came back."""
    from grader.i18n import translate

    update = Tuple((Vector(2), Vector(2)), ("w_new", "h_new"))
    with pytest.raises(BadValue) as info:
        update.normalize(over_the_wire(value))
    assert said in translate(info.value.message_id, lang, **info.value.params)


def test_update_rules_may_return_a_namedtuple_or_a_stacked_array_not_a_lone_vector():
    Step = namedtuple("Step", "w h")
    quadratic = lambda w: 2 * w  # noqa: E731

    def as_tuple(w, g, h, learning_rate=0.1, alpha=0.9):
        h = alpha * h + learning_rate * g
        return w - h, h

    expected = loops.iterate(as_tuple, quadratic, [1.0, -2.0], (np.zeros(2),), 5)
    for wrap in (lambda w, h: Step(w, h), lambda w, h: np.stack([w, h])):
        rule = lambda w, g, h, wrap=wrap: wrap(*as_tuple(w, g, h))  # noqa: E731
        assert np.array_equal(loops.iterate(rule, quadratic, [1.0, -2.0], (np.zeros(2),), 5), expected)
    with pytest.raises(loops.ReturnShapeError, match="count"):
        loops.iterate(lambda w, g, h: as_tuple(w, g, h)[0], quadratic, [1.0, -2.0], (np.zeros(2),), 5)


@pytest.mark.parametrize(("got", "mistake"), [(np.ones((1, 1)), "extra_dimension"), (np.ones((3, 1)), "extra_dimension"),
                                              (np.ones((1, 3)), "extra_dimension"), (np.ones(5), "wrong_shape"),
                                              (np.ones(4), "off_by_one"), (np.ones(2), "off_by_one")])
def test_shape_mistakes_are_named_for_length_one_too(got, mistake):
    size = 3 if mistake in ("wrong_shape", "off_by_one") else max(got.shape)
    with pytest.raises(BadValue) as info:
        Array((size,)).normalize(got)
    assert info.value.diagnosis == mistake


def test_what_is_too_deep_or_fakes_its_class_arrives_as_not_plain_data():
    nested = 1.0
    for _ in range(protocol.MAX_DEPTH + 2):
        nested = [nested]
    back = over_the_wire(nested)  # read, not a protocol error (that would be called tampering)
    while isinstance(back, list):
        (back,) = back
    assert isinstance(back, protocol.Rejected) and back.description == "deep|"

    class Meta(type):
        __name__ = property(lambda cls: 1 / 0)

    class Pretender(metaclass=Meta):
        __class__ = property(lambda self: tuple)  # isinstance(x, tuple) would believe it

    assert protocol.encode(Pretender()) == {"$bad": "object|Pretender"}
    with pytest.raises(loops.ReturnShapeError):
        loops.iterate(lambda w, g, h: Pretender(), lambda w: 2 * w, [1.0], (np.zeros(1),), 2)


def test_a_dict_subclass_is_its_items():
    from collections import OrderedDict, defaultdict

    class Lying(dict):
        def items(self):
            return [("m", 99.0)]

    assert over_the_wire(OrderedDict(m=1.0, v=2.0)) == {"m": 1.0, "v": 2.0}
    assert over_the_wire(defaultdict(float, m=1.0)) == {"m": 1.0}
    assert over_the_wire(Lying(m=1.0)) == {"m": 1.0}

    class Sneaky(list):
        def __iter__(self):
            return iter([99.0])

    assert over_the_wire(Sneaky([1.0, 2.0])) == [1.0, 2.0]
