// Whether a cycle sets a phase's settings itself ("Overridden") or takes the defaults.
export function OverriddenMarker({ overridden }: { overridden: boolean }) {
  return overridden ? (
    <span className="badge badge--overridden" data-overridden="true">
      Overridden
    </span>
  ) : (
    <span className="muted small" data-overridden="false">
      Default
    </span>
  );
}
