"""`grade plot N`: the student's optimisation trajectories next to the reference's.

Two steps, so that tests can look at the numbers without reading pixels:
- `compute(exercise, submission)` runs the student's code in its worker (never in this
  process) and the reference in-process, on the same problems, and returns `PlotData`;
- `render(data, lang, out)` draws it with matplotlib (Agg backend, imported only here).

Problems: the 2-D bowl with minimum (3, −2) and the ill-conditioned quadratic for the
gradient-descent and optimizer exercises (4, 10–15); the linear-regression loss over (w, b)
for exercises 6–8 (the (w, b) after e epochs is asked of the function for e = 1..E); the
double well x⁴ − 3x² + x for exercise 17.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

import numpy as np

from .compare import parts_counted
from .curriculum import Exercise
from .i18n import translate
from .sandbox.testfuncs import Objective
from .suites.optim import BOWL, ILL_CONDITIONED, START

DOUBLE_WELL = Objective("polynomial_sum", {"coefficients": [0.0, 1.0, -3.0, 0.0, 1.0]})  # x⁴ − 3x² + x
DOUBLE_WELL_STARTS = [[2.0], [0.8], [-0.4], [-2.0]]
REGRESSION_SEED = 2026
LOSS_FLOOR = 1e-16  # the loss axis is logarithmic; f − f_min reaches 0 exactly on the bowl

# Exercise -> (function, how it is called, hyperparameters shown in the title).
OPTIMIZERS: dict[int, dict[str, Any]] = {
    4: {"function": "gradient_descent", "steps": 150, "hyper": {"learning_rate": 0.02}},
    10: {"function": "momentum_update", "steps": 150, "state": lambda: (np.zeros(2),), "hyper": {"learning_rate": 0.01, "alpha": 0.9}},
    11: {"function": "nesterov_update", "steps": 150, "state": lambda: (np.zeros(2),), "options": {"pass_callable": True},
         "hyper": {"learning_rate": 0.01, "alpha": 0.9}},
    12: {"function": "adagrad_update", "steps": 150, "state": lambda: (np.zeros(2),), "hyper": {"learning_rate": 0.5}},
    13: {"function": "rmsprop_update", "steps": 200, "state": lambda: (np.zeros(2),), "hyper": {"learning_rate": 0.05, "alpha": 0.9}},
    14: {"function": "adam_update", "steps": 150, "state": lambda: (np.zeros(2), np.zeros(2)), "options": {"with_t": True},
         "hyper": {"learning_rate": 0.05}},
    15: {"function": "adam_update_full", "steps": 150,
         "state": lambda: {"m": np.zeros(2), "v": np.zeros(2), "v_max": np.zeros(2)}, "options": {"with_t": True},
         "hyper": {"learning_rate": 0.05, "weight_decay": 0.1, "amsgrad": True}},
}
REGRESSIONS: dict[int, dict[str, Any]] = {
    6: {"function": "fit_linear_batch", "epochs": 40, "hyper": {"learning_rate": 0.1}},
    7: {"function": "fit_linear_sgd", "epochs": 15, "hyper": {"learning_rate": 0.02, "seed": 3}},
    8: {"function": "fit_linear_minibatch", "epochs": 15, "hyper": {"learning_rate": 0.05, "batch_size": 8, "seed": 3}},
}
PLOTTABLE = sorted({*OPTIMIZERS, *REGRESSIONS, 17})
PROBLEMS = {"bowl": (BOWL, np.array([3.0, -2.0])), "ill_conditioned": (ILL_CONDITIONED, np.array([1.0, -1.0]))}


class BadAnswer(Exception):
    """The student's function answered, but not with numbers of the expected shape (a value.*
    message of the catalogue and its parameters)."""

    def __init__(self, message_id: str, **params: Any):
        super().__init__(message_id)
        self.message_id, self.params = message_id, params


@dataclass
class Run:
    """One implementation's answers: per problem, the loss per step and the points visited."""

    losses: dict[str, np.ndarray] = field(default_factory=dict)
    paths: dict[str, np.ndarray] = field(default_factory=dict)
    picked: np.ndarray | None = None  # ex17: the minimum multistart returned


@dataclass
class PlotData:
    exercise: int
    kind: str  # "optimizer", "regression" or "multistart"
    hyper: dict[str, Any]
    reference: Run
    student: Run | None
    failure: str | None = None  # why the student's trajectory is missing
    extra: dict[str, Any] = field(default_factory=dict)


def _matrix(value: Any, columns: int) -> np.ndarray:
    array = np.asarray(value, dtype=float)
    if array.ndim != 2 or array.shape[1] != columns or len(array) == 0:
        raise BadAnswer("value.wrong_shape", where="result", got=str(array.shape), expected=f"(k, {columns})")
    return array


def _optimizer_run(module: Any, exercise: int) -> Run:
    spec = OPTIMIZERS[exercise]
    run = Run()
    for name, (problem, _) in PROBLEMS.items():
        if exercise == 4:
            path = _matrix(module.gradient_descent(problem.grad, list(START), max_steps=spec["steps"], **spec["hyper"]), 2)
        else:
            path = _matrix(module.iterate(spec["function"], problem.grad, list(START), spec["state"](), spec["steps"],
                                          **spec.get("options", {}), **spec["hyper"]), 2)
        run.paths[name] = path
        with np.errstate(all="ignore"):
            run.losses[name] = np.array([problem.f(point) if np.all(np.isfinite(point)) else np.nan for point in path])
    return run


def regression_data() -> tuple[np.ndarray, np.ndarray]:
    from .suites.regression import linear_data

    return linear_data(np.random.default_rng(REGRESSION_SEED), 30)


def _regression_run(module: Any, exercise: int) -> Run:
    spec = REGRESSIONS[exercise]
    x, y = regression_data()
    function = getattr(module, spec["function"])
    answer = function(x, y, epochs=spec["epochs"], **spec["hyper"])
    if not isinstance(answer, (tuple, list)) or len(answer) != 3:
        message_id, counted = parts_counted(answer)
        raise BadAnswer(message_id, where="result (w, b, losses)", expected=3, **counted)
    losses = np.asarray(answer[2], dtype=float).reshape(-1)
    points = [[0.0, 0.0]]
    for epochs in range(1, spec["epochs"] + 1):
        w, b, _ = function(x, y, epochs=epochs, **spec["hyper"])
        points.append([float(w), float(b)])
    run = Run()
    run.losses["regression"] = losses
    run.paths["regression"] = _matrix(points, 2)
    return run


def _multistart_run(module: Any) -> Run:
    best_x, best_f = module.multistart(DOUBLE_WELL.f, DOUBLE_WELL.grad, DOUBLE_WELL_STARTS, learning_rate=0.02, max_steps=500)
    picked = np.asarray(best_x, dtype=float).reshape(-1)
    if picked.shape != (1,):
        raise BadAnswer("value.wrong_shape", where="best_x", got=str(picked.shape), expected="(1,)")
    return Run(picked=np.array([picked[0], float(best_f)]))


def _run(module: Any, exercise: int) -> Run:
    if exercise in OPTIMIZERS:
        return _optimizer_run(module, exercise)
    if exercise in REGRESSIONS:
        return _regression_run(module, exercise)
    return _multistart_run(module)


def _kind(exercise: int) -> str:
    return "optimizer" if exercise in OPTIMIZERS else "regression" if exercise in REGRESSIONS else "multistart"


def _failure_text(error: BaseException, lang: str) -> str:
    from .sandbox.client import StudentRaised, StudentTimeout

    if isinstance(error, StudentRaised):
        if error.type == "ReturnShapeError":  # raised by the grader's loop around the student's rule
            from .verdict import update_return

            message_id, params = update_return(error.text)
            return translate("plot.failure_bad_answer", lang, reason=translate(message_id, lang, **params).rstrip("."))
        if error.not_implemented:
            return translate("plot.failure_not_implemented", lang)
        where = ""
        if error.frames:
            filename, line = Path(str(error.frames[-1][0])).name, error.frames[-1][1]
            where = f" ({filename}:{line})"
        return translate("plot.failure_raised", lang, error=f"{error.type}: {error.text}{where}")
    if isinstance(error, StudentTimeout):
        return translate("plot.failure_timeout", lang)
    if isinstance(error, BadAnswer):
        return translate("plot.failure_bad_answer", lang, reason=translate(error.message_id, lang, **error.params).rstrip("."))
    return translate("plot.failure_other", lang, error=str(error))


RECORDED_RUNS = Path(__file__).parent / "recorded" / "plots.json.gz"


def _live_reference_run(number: int) -> Run:
    from .curriculum import exercise
    from .implementations import LocalModule

    return _run(LocalModule.from_module(importlib.import_module(f"reference.{exercise(number).module}")), number)


def save_reference_runs(folder: Path) -> Path:
    """Record the reference's runs of every plottable exercise (for the student edition, which
    has no reference source): JSON in protocol.py's encoding, gzip, never pickle."""
    from .oracle import write_recording
    from .sandbox import protocol

    runs = {str(number): protocol.encode({"losses": run.losses, "paths": run.paths, "picked": run.picked})
            for number, run in ((n, _live_reference_run(n)) for n in PLOTTABLE)}
    return write_recording(folder / RECORDED_RUNS.name, runs)


def reference_available() -> bool:
    """Whether the reference's runs can be had: live (the instructor's kit) or recorded."""
    from .oracle import reference_available as live

    return live() or RECORDED_RUNS.is_file()


def reference_run(number: int) -> Run:
    """The reference's run of exercise `number`: live when the reference is installed, else
    as recorded by `grade release`."""
    from .oracle import read_recording
    from .oracle import reference_available as live
    from .sandbox import protocol

    if live():
        return _live_reference_run(number)
    recorded = protocol.decode(read_recording(RECORDED_RUNS)[str(number)])
    return Run(recorded["losses"], recorded["paths"], recorded["picked"])


def compute(exercise: Exercise, submission: Path, lang: str = "en", limits: Any = None) -> PlotData:
    """Run the reference (or read its recorded run) and the student's code (in its worker) on
    the plotted problems."""
    from .implementations import StudentModule
    from .sandbox.client import Limits, StudentError, StudentSession
    from .submission import prepared

    number = exercise.number
    if number not in PLOTTABLE:
        raise ValueError(f"exercise {number} has no trajectory to plot")
    reference = reference_run(number)
    spec = OPTIMIZERS.get(number) or REGRESSIONS.get(number) or {"hyper": {"learning_rate": 0.02}}
    data = PlotData(number, _kind(number), dict(spec["hyper"]), reference, None)
    with prepared(submission) as root:
        session = StudentSession(root, exercise.module, limits or Limits())
        try:
            data.student = _run(StudentModule(session), number)
        except (StudentError, BadAnswer, TypeError, ValueError) as error:
            data.failure = _failure_text(error, lang)
        finally:
            session.close()
    return data


# --- drawing ---------------------------------------------------------------------------------

# The reference is a wide pale band under the student's thin line: where they agree, the red
# line runs inside the blue band; where they differ, both are visible.
REFERENCE_STYLE = {"color": "#1f77b4", "linestyle": "-", "linewidth": 5.0, "alpha": 0.45, "solid_capstyle": "round"}
STUDENT_STYLE = {"color": "#d62728", "linestyle": "--", "linewidth": 1.6}


def _t(key: str, lang: str, **params: Any) -> str:
    return translate(f"plot.{key}", lang, **params)


def _hyper_text(hyper: dict[str, Any], lang: str) -> str:
    names = {"learning_rate": _t("learning_rate", lang) + " η", "alpha": "α", "weight_decay": "λ",
             "batch_size": _t("batch_size", lang), "seed": "seed", "amsgrad": "AMSGrad"}
    return ", ".join(f"{names.get(k, k)} = {v:g}" if isinstance(v, float) else f"{names.get(k, k)} = {v}"
                     for k, v in hyper.items())


def diverges(run: Run, name: str) -> bool:
    """The loss became non-finite or grew a thousandfold: the picture says so in the legend."""
    losses = run.losses.get(name)
    if losses is None or len(losses) == 0:
        return False
    return bool(not np.all(np.isfinite(losses)) or losses[-1] > 1e3 * max(losses[0], LOSS_FLOOR))


def _loss_axis(ax: Any, runs: list[tuple[str, Run, dict]], name: str, lang: str, minimum: float = 0.0) -> None:
    shown: list[np.ndarray] = []
    for label, run, style in runs:
        if name in run.losses:
            gap = np.maximum(run.losses[name] - minimum, LOSS_FLOOR)
            # losses[e] of exercises 6-8 is the loss after epoch e + 1; a path starts at step 0.
            first = 1 if name == "regression" else 0
            if style is STUDENT_STYLE and diverges(run, name):
                label = _t("student_diverges", lang)
            ax.plot(np.arange(first, first + len(gap)), gap, label=label, **style)
            shown.append(gap[np.isfinite(gap)])
    # A diverging run would stretch the axis to 1e300: keep it within a few decades of the reference.
    reference = shown[0]
    values = np.concatenate(shown)
    low = max(float(values.min()), LOSS_FLOOR) / 2
    high = min(float(values.max()), float(reference.max()) * 1e4) * 2
    ax.set_ylim(low, high)
    ax.set_yscale("log")
    ax.set_xlabel(_t("epoch" if name == "regression" else "step", lang))
    ax.set_ylabel(_t("loss_gap_regression" if name == "regression" else "loss_gap", lang))
    ax.set_title(_t("loss_title_epoch" if name == "regression" else "loss_title", lang))
    ax.grid(True, which="major", alpha=0.3)
    ax.legend(fontsize=9, loc="best", framealpha=0.85)


def _path_axis(ax: Any, runs: list[tuple[str, Run, dict]], name: str, f: Callable, minimum: np.ndarray, lang: str,
               title: str, xlabel: str, ylabel: str) -> None:
    points = [minimum[None, :]] + [run.paths[name] for _, run, _ in runs if name in run.paths]
    finite = np.vstack([p[np.all(np.isfinite(p), axis=1)] for p in points])
    low, high = finite.min(axis=0), finite.max(axis=0)
    span = np.maximum(high - low, 1.0)
    low, high = low - 0.15 * span, high + 0.15 * span
    # A student path that runs away would squash the picture: keep the view near the reference.
    ref = runs[0][1].paths[name]
    ref_low, ref_high = ref.min(axis=0), ref.max(axis=0)
    ref_span = np.maximum(ref_high - ref_low, 1.0)
    low = np.maximum(low, ref_low - 0.75 * ref_span)
    high = np.minimum(high, ref_high + 0.75 * ref_span)
    xs, ys = np.linspace(low[0], high[0], 160), np.linspace(low[1], high[1], 160)
    grid = np.array([[f(np.array([x, y])) for x in xs] for y in ys])
    levels = np.quantile(grid, np.linspace(0.0, 0.95, 16) ** 2)
    levels = np.unique(levels)
    ax.contourf(xs, ys, grid, levels=levels, cmap="Greys", alpha=0.35)
    ax.contour(xs, ys, grid, levels=levels, colors="grey", linewidths=0.5, alpha=0.7)
    for label, run, style in runs:
        if name not in run.paths:
            continue
        path = run.paths[name]
        markers = {} if style is REFERENCE_STYLE else {"marker": "o", "markersize": 2.5}
        if style is STUDENT_STYLE and diverges(run, name):
            label = _t("student_diverges", lang)
        ax.plot(path[:, 0], path[:, 1], label=label, **markers, **style)
    ax.plot(*runs[0][1].paths[name][0], marker="s", color="black", markersize=7, linestyle="none",
            label=_t("start", lang), zorder=5)
    ax.plot(*minimum, marker="*", color="gold", markeredgecolor="black", markersize=15, linestyle="none",
            label=_t("minimum", lang), zorder=5)
    ax.set_xlim(low[0], high[0])
    ax.set_ylim(low[1], high[1])
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.12), ncol=2, framealpha=0.85)


def _multistart_axis(ax: Any, data: PlotData, lang: str) -> None:
    f = DOUBLE_WELL.f
    xs = np.linspace(-2.2, 2.2, 400)
    ax.plot(xs, [f(x) for x in xs], color="black", linewidth=1.5, label="f(x) = x⁴ − 3x² + x")
    starts = np.array(DOUBLE_WELL_STARTS)[:, 0]
    ax.plot(starts, [f(x) for x in starts], linestyle="none", marker="o", markersize=8, markerfacecolor="white",
            markeredgecolor="black", label=_t("starts", lang))
    ref = data.reference.picked
    ax.plot(ref[0], ref[1], linestyle="none", marker="*", markersize=20, color=REFERENCE_STYLE["color"],
            label=_t("picked_reference", lang, x=f"{ref[0]:.3f}"))
    if data.student is not None and data.student.picked is not None:
        mine = data.student.picked
        ax.plot(mine[0], mine[1], linestyle="none", marker="X", markersize=12, color=STUDENT_STYLE["color"],
                label=_t("picked_student", lang, x=f"{mine[0]:.3f}"))
    ax.set_xlabel("x")
    ax.set_ylabel(_t("loss", lang))
    ax.set_title(_t("multistart_title", lang))
    ax.grid(True, alpha=0.3)
    ax.legend(fontsize=9, loc="upper center", framealpha=0.9)


def render(data: PlotData, exercise: Exercise, lang: str, out: Path) -> Path:
    """Draw `data` to the PNG `out` (Agg backend) and return its path."""
    import warnings

    with warnings.catch_warnings(), np.errstate(all="ignore"):
        warnings.simplefilter("ignore", RuntimeWarning)
        return _render(data, exercise, lang, out)


def _render(data: PlotData, exercise: Exercise, lang: str, out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg", force=True)
    import matplotlib.pyplot as plt

    runs = [(_t("reference", lang), data.reference, REFERENCE_STYLE)]
    if data.student is not None:
        runs.append((_t("student", lang), data.student, STUDENT_STYLE))
    if data.kind == "optimizer":
        fig, axes = plt.subplots(2, 2, figsize=(13, 11), height_ratios=(1.25, 1))
        for column, name in enumerate(PROBLEMS):
            problem, minimum = PROBLEMS[name]
            _path_axis(axes[0, column], runs, name, problem.f, minimum, lang, _t(f"problem_{name}", lang), "w₁", "w₂")
            _loss_axis(axes[1, column], runs, name, lang)
    elif data.kind == "regression":
        x, y = regression_data()

        def mse(point: np.ndarray) -> float:
            return float(np.mean((y - (point[0] * x + point[1])) ** 2))

        ls_w, ls_b = np.polyfit(x, y, 1)
        fig, axes = plt.subplots(1, 2, figsize=(13, 6.2))
        _path_axis(axes[0], runs, "regression", mse, np.array([ls_w, ls_b]), lang, _t("regression_title", lang),
                   _t("weight", lang), _t("bias", lang))
        _loss_axis(axes[1], runs, "regression", lang, mse(np.array([ls_w, ls_b])))
    else:
        fig, axes = plt.subplots(1, 1, figsize=(9, 6))
        _multistart_axis(axes, data, lang)
    title = _t("figure_title", lang, number=exercise.number, title=exercise.title_in(lang))
    subtitle = _hyper_text(data.hyper, lang)
    fig.suptitle(f"{title}\n{subtitle}", fontsize=12)
    if data.failure:
        fig.text(0.5, 0.01, _t("reference_only", lang, reason=data.failure)[:160], ha="center", va="bottom",
                 color=STUDENT_STYLE["color"], fontsize=10, wrap=True)
    fig.tight_layout(rect=(0, 0.05 if data.failure else 0, 1, 1))
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(out, dpi=100)
    plt.close(fig)
    return out
