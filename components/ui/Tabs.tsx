/** A tab strip with roving focus: arrow keys move between tabs (WAI-ARIA tabs pattern). */
export function Tabs<V extends string>({
  label,
  value,
  onChange,
  tabs,
}: {
  label: string;
  value: V;
  onChange: (v: V) => void;
  tabs: ReadonlyArray<{ value: V; label: string }>;
}) {
  function onKeyDown(e: KeyboardEvent) {
    const i = tabs.findIndex((x) => x.value === value);
    const step = e.key === 'ArrowRight' ? 1 : e.key === 'ArrowLeft' ? -1 : 0;
    if (!step) return;
    e.preventDefault();
    const next = tabs[(i + step + tabs.length) % tabs.length]!;
    onChange(next.value);
    (e.currentTarget as HTMLElement).querySelector<HTMLElement>(`#tab-${next.value}`)?.focus();
  }
  return (
    <div class="tabs" role="tablist" aria-label={label} onKeyDown={onKeyDown}>
      {tabs.map((x) => (
        <button
          key={x.value}
          type="button"
          role="tab"
          id={`tab-${x.value}`}
          aria-selected={x.value === value}
          aria-controls={`panel-${x.value}`}
          tabIndex={x.value === value ? 0 : -1}
          onClick={() => onChange(x.value)}
        >
          {x.label}
        </button>
      ))}
    </div>
  );
}
