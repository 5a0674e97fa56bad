import { Link } from 'react-router';

/** A short reminder on the signed-in home page of what the program is, with the full explanation a click away. */
export function ProgramSummaryCard({ organizationSlug }: { organizationSlug: string }) {
  return (
    <section className="card" aria-labelledby="program-summary-title">
      <h2 id="program-summary-title">Peer support here</h2>
      <p>
        Trained colleagues listen, in confidence, after a hard case, an adverse event or a difficult stretch. Peer support is not part of
        quality review, HR or credentialing.
      </p>
      <p>
        <Link to={`/?org=${encodeURIComponent(organizationSlug)}`}>How peer support works</Link>
      </p>
    </section>
  );
}
