import { Bar, BarChart, CartesianGrid, LabelList, ResponsiveContainer, XAxis, YAxis } from 'recharts';

/**
 * Charts are pictures of the tables beside them: hidden from assistive technology, which reads the
 * table instead. A hidden count is drawn as no bar with "hidden" written where it would be.
 */

interface Point {
  label: string;
  value: number | null;
}

const label = (value: unknown) => (value === null || value === undefined ? 'hidden' : String(value));

export function MonthlyBars({ points }: { points: Point[] }) {
  const data = points.map((p) => ({ label: p.label, value: p.value, shown: p.value ?? 0 }));
  return (
    <div className="report-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={220}>
        <BarChart data={data} margin={{ top: 20, right: 8, bottom: 0, left: -16 }}>
          <CartesianGrid vertical={false} stroke="var(--border)" />
          <XAxis dataKey="label" tickLine={false} interval={0} fontSize={12} />
          <YAxis allowDecimals={false} tickLine={false} fontSize={12} />
          <Bar dataKey="shown" fill="var(--primary)" isAnimationActive={false}>
            <LabelList dataKey="value" position="top" formatter={label} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function CategoryBars({ points }: { points: Point[] }) {
  const data = points.map((p) => ({ label: p.label, value: p.value, shown: p.value ?? 0 }));
  return (
    <div className="report-chart" aria-hidden="true">
      <ResponsiveContainer width="100%" height={Math.max(120, data.length * 32 + 24)}>
        <BarChart data={data} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 8 }}>
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={170} tickLine={false} fontSize={12} />
          <Bar dataKey="shown" fill="var(--primary)" isAnimationActive={false}>
            <LabelList dataKey="value" position="right" formatter={label} fontSize={12} />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
