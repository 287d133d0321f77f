"""Detector settings (supervisors change them; moderators may look).

- Thresholds per policy: pick a threshold and see the precision and flag
  volume it would have given over the preview window
  (``GET /screening/thresholds/{policy}/preview``), then set it
  (``PUT /screening/thresholds/{policy}`` with the version seen).
- Detector versions, the active one marked; "Train new version" trains from
  the stored decisions and says whether the new version was activated and
  why. A version is activated automatically only when every policy has
  enough held-out decisions to judge it and held-out precision does not drop
  (the service's guard, ``backend.screening.training``); a version can be
  activated by hand. For the picked version, held-out precision and recall
  per policy, of the new model and of the model active when it was trained,
  and the same on the independent corpus's dev split.

Everything runs on the task runner; a preview answer for an older policy or
threshold than the one now picked is dropped.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from widgets import formatting as fmt
from console.i18n import QT_TR_NOOP, tr
from console import messages
from console.context import ConsoleContext
from console.enforcement import ReasonDialog, report_refusal
from console.qt import (
    QAbstractTableModel,
    QDialog,
    QDoubleSpinBox,
    QFont,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QModelIndex,
    QObject,
    QPushButton,
    QSplitter,
    Qt,
    QTableView,
    QTabWidget,
    QTimer,
    QVBoxLayout,
    QWidget,
)
from widgets.charts import Chart
from widgets.list_table import list_table
from widgets.static_table_model import StaticTableModel

Record = Mapping[str, Any]
PREVIEW_DELAY_MS = 250


class RecordTableModel(StaticTableModel[Record]):
    """A few dict rows shown through (title, formatter) columns; the active one in bold."""

    def __init__(self, columns: Sequence[tuple[str, Any]], parent: QObject | None = None) -> None:
        super().__init__([title for title, _format in columns], parent=parent)
        self._formats = tuple(format_ for _title, format_ in columns)
        self._bold = QFont()
        self._bold.setBold(True)

    def _text(self, row: Record, column: int) -> str:
        return self._formats[column](row)

    def _role_data(self, row: Record, role: int) -> Any:
        return self._bold if role == Qt.ItemDataRole.FontRole and row.get("active") else None

    def set_rows(self, rows: Sequence[Record]) -> None:
        self._set_rows(dict(row) for row in rows)

    def row(self, number: int) -> Record:
        return self._rows[number]

    @property
    def rows(self) -> list[Record]:
        return list(self._rows)


def _pct(value: Any) -> str:
    return "—" if value is None else f"{float(value) * 100:.0f}%"


def _metrics(version: Record) -> str:
    metrics = version.get("metrics") or {}
    overall = (metrics.get("new") or {}).get("overall")
    if overall:
        return (tr("precision {precision}, recall {recall} on {int:,} held-out decisions").format(precision=_pct(overall.get('precision')), recall=_pct(overall.get('recall')), int=int(metrics.get('held_out') or 0)))
    if metrics.get("source") == "seed":
        return tr("built-in model")
    return tr("no held-out decisions")


def load_problem(version: Record) -> str | None:
    """Why the service cannot screen with this version (e.g. "trained by an older release of the detector;
    retrain"), or None when it can (or the service did not say)."""
    load = (version.get("metrics") or {}).get("load") or {}
    if load.get("loadable") is False:
        return str(load.get("problem") or tr("it cannot be loaded by this service; retrain"))
    return None


def _version_name(version: Record) -> str:
    text = f"v{version.get('id')}" + (tr("  ● active") if version.get("active") else "")
    return text + (tr("  ⚠ cannot be loaded") if load_problem(version) else "")


def activation_text(version: Record) -> str:
    """Why a version was or was not activated automatically, in words (and whether it can be used at all)."""
    problem = load_problem(version)
    prefix = ""
    if problem:
        prefix = (tr("v{id} cannot screen listings in this service: {problem}. ").format(id=version.get('id'), problem=problem)
                  + (tr("The built-in model screens instead until a new version is trained. ") if version.get("active")
                     else tr("It cannot be activated; train a new version instead. ")))
    return prefix + _activation_reason(version)


def _activation_reason(version: Record) -> str:
    metrics = version.get("metrics") or {}
    if metrics.get("source") == "seed":
        return tr("v{id} is the built-in model, used while no trained version had been activated.").format(id=version.get('id'))
    reasons = "; ".join(metrics.get("activation") or []) or tr("no reason recorded (trained by an older service)")
    if metrics.get("activated"):
        text = tr("v{id} was activated automatically: {reasons}.").format(id=version.get('id'), reasons=reasons)
    else:
        text = (tr("v{id} was NOT activated automatically: {reasons}. A supervisor may still activate it by hand.").format(id=version.get('id'), reasons=reasons))
    if version.get("active") and not metrics.get("activated"):
        text += tr(" It was activated by hand and is active now.")
    return text


def _policy_metrics(report: Record | None) -> dict[str, Record]:
    return {str(p.get("name")): p for p in (report or {}).get("policies") or []}


def policy_rows(version: Record) -> list[Record]:
    """Per policy: held-out decisions and the new and the then-active model's precision / recall on them."""
    metrics = version.get("metrics") or {}
    new, current = _policy_metrics(metrics.get("new")), _policy_metrics(metrics.get("current"))
    counts = metrics.get("held_out_counts") or {}
    minimum = metrics.get("min_held_out_per_policy")
    names = list(counts) or list(new)
    return [{"policy": name, "held_out": counts.get(name), "minimum": minimum, "new": new.get(name),
             "current": current.get(name)} for name in names]


def _pr(metric: Record | None) -> str:
    if not metric:
        return "—"
    if not metric.get("support") and not (metric.get("tp") or metric.get("fp")):
        return tr("no examples")
    return f"{_pct(metric.get('precision'))} / {_pct(metric.get('recall'))}"


def _held_out(row: Record) -> str:
    count, minimum = row.get("held_out"), row.get("minimum")
    if count is None:
        return "—"
    short = isinstance(minimum, int) and count < minimum
    return f"{count}" + (tr("  (needs {minimum})").format(minimum=minimum) if short else "")


THRESHOLD_COLUMNS = (
    (QT_TR_NOOP("Policy"), lambda r: fmt.label(r.get("policy"))),
    (QT_TR_NOOP("Flag at"), lambda r: f"{float(r.get('flag_at', 0)):.2f}"),
    (QT_TR_NOOP("Suspend at"), lambda r: f"{float(r.get('suspend_at', 0)):.2f}"),
    (QT_TR_NOOP("Default"), lambda r: f"{float(r.get('default_flag_at', 0)):.2f} / {float(r.get('default_suspend_at', 0)):.2f}"),
    (QT_TR_NOOP("Changed"), lambda r: fmt.when(r.get("updated_at")) or tr("built-in default")),
)
VERSION_COLUMNS = (
    (QT_TR_NOOP("Version"), _version_name),
    (QT_TR_NOOP("Trained"), lambda r: fmt.when(r.get("created_at"))),
    (QT_TR_NOOP("Examples"), lambda r: f"{int(r.get('trained_on') or 0):,}"),
    (QT_TR_NOOP("Held-out"), _metrics),
    (QT_TR_NOOP("Activated"), lambda r: fmt.when(r.get("activated_at"))),
    (QT_TR_NOOP("Note"), lambda r: str(r.get("note") or "")),
)

POLICY_COLUMNS = (
    (QT_TR_NOOP("Policy"), lambda r: fmt.label(r.get("policy"))),
    (QT_TR_NOOP("Held-out decisions"), _held_out),
    (QT_TR_NOOP("New: precision / recall"), lambda r: _pr(r.get("new"))),
    (QT_TR_NOOP("Then active"), lambda r: _pr(r.get("current"))),
)


def describe_point(point: Record | None, window_days: Any) -> str:
    """What a threshold would have given, in words."""
    if not point:
        return tr("No flags were decided at this threshold in the preview window.")
    precision = point.get("precision")
    right, wrong = point.get("true_positives", 0), point.get("false_positives", 0)
    words = (tr("precision unknown (no decided flags at or above it)") if precision is None
             else tr("precision {precision} ({right} upheld, {wrong} dismissed)").format(precision=_pct(precision), right=right, wrong=wrong))
    return (tr("At {threshold:.2f}: {words}; about {flags_per_day:.1f} flags a day ({flags_in_window} in {window_days} days).").format(threshold=float(point.get('threshold', 0)), words=words, flags_per_day=float(point.get('flags_per_day', 0)), flags_in_window=point.get('flags_in_window', 0), window_days=window_days))


def show_curve(chart: Chart, curve: Sequence[Record], threshold: float | None) -> None:
    """Precision and flag volume against the threshold, the chosen threshold marked. Volume is shown
    as a share of its highest value so both fit one 0–1 axis; the series' name says the highest."""
    points = sorted((dict(p) for p in curve), key=lambda p: float(p["threshold"]))
    top = max((float(p.get("flags_per_day") or 0) for p in points), default=0.0) or 1.0
    names = [f"{float(p['threshold']):.2f}" for p in points]
    series = {tr("precision"): [p.get("precision") for p in points],
              tr("flags a day, as a share of the most ({top:.1f})").format(top=top):
                  [float(p.get("flags_per_day") or 0) / top for p in points]}
    marker = None
    if threshold is not None and points:
        nearest = min(range(len(points)), key=lambda i: abs(float(points[i]["threshold"]) - threshold))
        marker = (float(nearest), tr("threshold {threshold:.2f}").format(threshold=threshold))
    chart.set_categories(names, series, empty_reason=tr("No preview yet"), marker=marker)


class DetectorAdmin(QDialog):
    """A window over the detector's thresholds and versions."""

    def __init__(self, context: ConsoleContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("DetectorAdmin")
        self.setWindowTitle(tr("Detector settings"))
        self._context = context
        self._manage = context.staff.role == "supervisor"
        self._preview_request = 0
        self.preview: Record | None = None
        self.last_train: Record | None = None

        self.thresholds = RecordTableModel(THRESHOLD_COLUMNS, self)
        self.threshold_view = self._table(self.thresholds, "ThresholdTable")
        self.flag_at = QDoubleSpinBox(self)
        self.flag_at.setObjectName("FlagAt")
        self.suspend_at = QDoubleSpinBox(self)
        for box in (self.flag_at, self.suspend_at):
            box.setRange(0.01, 1.0)
            box.setSingleStep(0.01)
            box.setDecimals(2)
        self.preview_label = QLabel(tr("Pick a policy to preview its threshold."), self)
        self.preview_label.setObjectName("PreviewText")
        self.preview_label.setWordWrap(True)
        self.chart = Chart(tr("Precision and flag volume by threshold"), style="line", y_range=(0.0, 1.0),
                           parent=self)
        self.set_button = QPushButton(tr("Set threshold"), self)
        self.set_button.setObjectName("SetThreshold")
        self.set_button.setEnabled(False)
        self.set_button.setToolTip(tr("Supervisors only") if not self._manage else tr("Save the thresholds for this policy"))
        form = QFormLayout()
        form.addRow(tr("Flag at"), self.flag_at)
        form.addRow(tr("Suspend at"), self.suspend_at)
        editor = QGroupBox(tr("Threshold"), self)
        editor_layout = QVBoxLayout(editor)
        editor_layout.addLayout(form)
        editor_layout.addWidget(self.preview_label)
        editor_layout.addWidget(self.chart, 1)
        editor_layout.addWidget(self.set_button, 0, Qt.AlignmentFlag.AlignRight)
        threshold_page = QSplitter(Qt.Orientation.Horizontal, self)
        threshold_page.addWidget(self.threshold_view)
        threshold_page.addWidget(editor)
        threshold_page.setSizes([420, 380])

        self.versions = RecordTableModel(VERSION_COLUMNS, self)
        self.version_view = self._table(self.versions, "VersionTable")
        self.active_label = QLabel(self)
        self.active_label.setObjectName("ScreenHint")
        self.active_label.setWordWrap(True)
        self.train_button = QPushButton(tr("Train new version"), self)
        self.train_button.setObjectName("TrainVersion")
        self.activate_button = QPushButton(tr("Activate selected…"), self)
        for button in (self.train_button, self.activate_button):
            button.setEnabled(self._manage)
            if not self._manage:
                button.setToolTip(tr("Supervisors only"))
        self.train_result = QLabel(self)
        self.train_result.setObjectName("TrainResult")
        self.train_result.setWordWrap(True)
        version_buttons = QHBoxLayout()
        version_buttons.addWidget(self.active_label, 1)
        version_buttons.addWidget(self.activate_button)
        version_buttons.addWidget(self.train_button)
        self.policy_metrics = RecordTableModel(POLICY_COLUMNS, self)
        self.policy_view = self._table(self.policy_metrics, "VersionPolicyTable")
        self.activation_label = QLabel(tr("Pick a version to see why it was or was not activated."), self)
        self.activation_label.setObjectName("ActivationReason")
        self.activation_label.setWordWrap(True)
        details = QGroupBox(tr("Picked version: held-out precision / recall per policy"), self)
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.activation_label)
        details_layout.addWidget(self.policy_view, 1)
        version_split = QSplitter(Qt.Orientation.Vertical, self)
        version_split.addWidget(self.version_view)
        version_split.addWidget(details)
        version_page = QWidget(self)
        version_layout = QVBoxLayout(version_page)
        version_layout.addLayout(version_buttons)
        version_layout.addWidget(self.train_result)
        version_layout.addWidget(version_split, 1)

        self.tabs = QTabWidget(self)
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(threshold_page, tr("Thresholds"))
        self.tabs.addTab(version_page, tr("Versions"))
        hint = QLabel(tr("Thresholds decide which listings the detector flags (and suspends at once). "
                      "The preview replays the last days of decided flags.") +
                      ("" if self._manage else tr(" Only supervisors may change them.")), self)
        hint.setObjectName("ScreenHint")
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.tabs, 1)
        self.resize(900, 560)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.load_preview)
        self.threshold_view.selectionModel().currentRowChanged.connect(self._policy_picked)
        self.version_view.selectionModel().currentRowChanged.connect(self._version_picked)
        self.flag_at.valueChanged.connect(lambda _v: self._preview_timer.start())
        self.set_button.clicked.connect(self.save_threshold)
        self.train_button.clicked.connect(self.train)
        self.activate_button.clicked.connect(self.activate_selected)
        self.reload()

    def _table(self, model: QAbstractTableModel, name: str) -> QTableView:
        view = list_table(self, name, model)
        # A handful of short rows: columns fit what they hold rather than set widths.
        view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        return view

    # -- loading -------------------------------------------------------------------------

    def reload(self) -> None:
        client = self._context.client
        self._context.runner.run(
            lambda: (client.get("/screening/thresholds"), client.page("/screening/versions", limit=200).items),
            lambda result: self._loaded(*result), doing=tr("loading the detector settings"), owner=self)

    def _loaded(self, thresholds: Sequence[Record], versions: Sequence[Record]) -> None:
        current = self.current_policy()
        self.thresholds.set_rows(thresholds)
        self.versions.set_rows(versions)
        active = next((v for v in versions if v.get("active")), None)
        if active is not None and load_problem(active):
            self.active_label.setText(tr("Active: v{id}, but it cannot be loaded ({active}): the built-in detector screens until a new version is trained.").format(id=active['id'], active=load_problem(active)))
        else:
            self.active_label.setText(tr("Active: v{id}, trained {created_at} on {int:,} examples.").format(id=active['id'], created_at=fmt.when(active.get('created_at')), int=int(active.get('trained_on') or 0)) if active else
                                      tr("Active: the built-in detector (no trained version is active)."))
        ids = [v.get("id") for v in versions]
        picked = self.last_train.get("version", {}).get("id") if self.last_train else None
        if versions:
            self.version_view.selectRow(ids.index(picked) if picked in ids else
                                        next((i for i, v in enumerate(versions) if v.get("active")), 0))
        policies = [row.get("policy") for row in thresholds]
        row = policies.index(current) if current in policies else 0
        if thresholds:
            self.threshold_view.selectRow(row)

    def _version_picked(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        version = self.versions.row(current.row())
        self.activation_label.setText(activation_text(version))
        self.policy_metrics.set_rows(policy_rows(version))
        problem = load_problem(version)
        self.activate_button.setEnabled(self._manage and not problem)
        if self._manage:
            self.activate_button.setToolTip(tr("Cannot be activated: {problem}").format(problem=problem) if problem else "")

    def current_policy(self) -> str | None:
        index = self.threshold_view.currentIndex()
        return str(self.thresholds.row(index.row())["policy"]) if index.isValid() else None

    def _policy_picked(self, current: QModelIndex) -> None:
        if not current.isValid():
            return
        row = self.thresholds.row(current.row())
        for box, key in ((self.flag_at, "flag_at"), (self.suspend_at, "suspend_at")):
            box.blockSignals(True)
            box.setValue(float(row.get(key) or 0))
            box.blockSignals(False)
        self.set_button.setEnabled(self._manage)
        self.load_preview()

    def load_preview(self) -> None:
        """Ask what the picked threshold would have given; the newest ask wins."""
        self._preview_timer.stop()
        policy = self.current_policy()
        if policy is None:
            return
        self._preview_request += 1
        request = self._preview_request
        threshold = round(self.flag_at.value(), 2)
        self.preview_label.setText(tr("Previewing {policy} at {threshold:.2f}…").format(policy=fmt.label(policy), threshold=threshold))
        client = self._context.client
        self._context.runner.run(
            lambda: client.get(f"/screening/thresholds/{policy}/preview", {"threshold": threshold}),
            lambda result: self._previewed(request, threshold, result),
            on_error=lambda exc: self._preview_failed(request, exc), owner=self)

    def _previewed(self, request: int, threshold: float, preview: Record) -> None:
        if request != self._preview_request:
            return
        self.preview = preview
        text = describe_point(preview.get("at_threshold"), preview.get("window_days"))
        text += tr(" Based on {decided_flags} decided flag(s)").format(decided_flags=preview.get('decided_flags', 0))
        if preview.get("observed_min_score") is not None:
            text += (tr("; scores below {observed_min_score:.2f} were never flagged, so figures below it are a lower bound").format(observed_min_score=float(preview['observed_min_score'])))
        self.preview_label.setText(text + ".")
        show_curve(self.chart, preview.get("curve") or [], threshold)

    def _preview_failed(self, request: int, exc: Exception) -> None:
        if request == self._preview_request:
            self.preview_label.setText(tr("The preview could not be loaded. Change the threshold to try again."))
            messages.report(exc, tr("previewing the threshold"))

    # -- changing ------------------------------------------------------------------------------

    def save_threshold(self) -> None:
        index = self.threshold_view.currentIndex()
        if not index.isValid():
            return
        row = self.thresholds.row(index.row())
        policy = str(row["policy"])
        body = {"flag_at": round(self.flag_at.value(), 2), "suspend_at": round(self.suspend_at.value(), 2),
                "version": int(row.get("version") or 0)}
        client = self._context.client
        self.set_button.setEnabled(False)

        def done(_result: Record) -> None:
            messages.info(tr("{capitalize} now flags at {flag_at:.2f} and suspends at {suspend_at:.2f}.").format(capitalize=fmt.label(policy).capitalize(), flag_at=body['flag_at'], suspend_at=body['suspend_at']))
            self.reload()

        def failed(exc: Exception) -> None:
            self.set_button.setEnabled(self._manage)
            report_refusal(exc, tr("setting the threshold"))

        self._context.runner.run(lambda: client.put(f"/screening/thresholds/{policy}", body), done,
                                 on_error=failed, owner=self)

    def train(self) -> None:
        """Train a version from the stored decisions (takes seconds)."""
        key = str(uuid.uuid4())
        client = self._context.client
        self.train_button.setEnabled(False)
        self.train_result.setText(tr("Training a new version from the stored decisions… this takes a few seconds."))

        def done(result: Record) -> None:
            self.last_train = dict(result)
            version = result.get("version") or {}
            text = (tr("v{id} trained on {int:,} examples. {version}").format(id=version.get('id'), int=int(version.get('trained_on') or 0), version=activation_text(version)))
            if not result.get("activated"):
                text += tr(" v{previous_version_id} stays active.").format(previous_version_id=result.get('previous_version_id'))
            self.train_result.setText(text)
            self.train_button.setEnabled(self._manage)
            messages.info(text)
            self.reload()

        def failed(exc: Exception) -> None:
            self.train_result.setText(tr("Training failed; see the message above."))
            self.train_button.setEnabled(self._manage)
            report_refusal(exc, tr("training a detector version"))

        self._context.runner.run(lambda: client.post("/screening/versions/train", {}, idempotency_key=key),
                                 done, on_error=failed, owner=self)

    def activate_selected(self) -> None:
        index = self.version_view.currentIndex()
        if not index.isValid():
            messages.error(tr("Select a version to activate."), tr("Pick a row in the versions table."))
            return
        version = self.versions.row(index.row())
        if load_problem(version):
            messages.error(tr("v{id} cannot be activated.").format(id=version['id']), f"{load_problem(version)}.")
            return
        reason = ReasonDialog.ask(self, title=tr("Activate version"),
                                  prompt=tr("Make v{id} the detector every new listing is screened with?").format(id=version['id']),
                                  action=tr("Activate"))
        if not reason:
            return
        key = str(uuid.uuid4())
        client = self._context.client
        self._context.runner.run(
            lambda: client.post(f"/screening/versions/{version['id']}/activate", {"reason": reason},
                                idempotency_key=key),
            lambda _r: (messages.info(tr("v{id} is now active.").format(id=version['id'])), self.reload()),
            on_error=lambda exc: report_refusal(exc, tr("activating the version")), owner=self)

    @classmethod
    def open_for(cls, context: ConsoleContext, parent: QWidget | None) -> DetectorAdmin:
        """Show the window (non-modal; one per main window is enough)."""
        existing = parent.findChild(DetectorAdmin) if parent is not None else None
        window = existing if existing is not None else cls(context, parent)
        window.show()
        window.raise_()
        window.activateWindow()
        return window
