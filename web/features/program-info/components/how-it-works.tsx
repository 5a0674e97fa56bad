/**
 * The plain-language explanation on the public page. It answers what stops people asking:
 * who will I talk to, will it be used against me, how do I ask, and can I say no.
 */
export function HowItWorks({ organizationName }: { organizationName: string }) {
  return (
    <div className="prose">
      <section aria-labelledby="who-title">
        <h2 id="who-title">Who you talk to</h2>
        <p>
          Peer supporters are colleagues at {organizationName}: physicians, nurses, pharmacists and other clinicians who volunteered and
          were trained to listen. They know what a hard shift, a bad outcome or a complaint feels like, because they work here too. They are
          not therapists and they will not judge or evaluate you.
        </p>
      </section>
      <section aria-labelledby="confidential-title">
        <h2 id="confidential-title">What you say stays between you</h2>
        <ul>
          <li>Conversations are confidential. Nothing you say is written down.</li>
          <li>
            Peer support is <strong>not</strong> part of quality review, peer review, HR, disciplinary processes or credentialing, and it is
            kept apart from them.
          </li>
          <li>Leaders only ever see totals, such as how many conversations took place. They never see names.</li>
          <li>The one exception is an immediate risk to your life or someone else’s. Then your supporter will help you get urgent care.</li>
        </ul>
      </section>
      <section aria-labelledby="ask-title">
        <h2 id="ask-title">How to ask</h2>
        <p>
          Ask for yourself, or tell the program about a colleague who could use support. A peer supporter will contact you, usually within a
          day, to arrange a conversation by phone, video or in person, wherever you feel comfortable. You can ask for someone from your own
          profession, or from outside your department.
        </p>
      </section>
      <section aria-labelledby="after-event-title">
        <h2 id="after-event-title">After an adverse event</h2>
        <p>
          When something goes wrong in patient care, the clinicians involved are affected too. That is normal. After such an event, a peer
          supporter may reach out to you with a short message just to check in. You have done nothing wrong by being contacted.
        </p>
        <p>
          <strong>You can say no thanks.</strong> If you do not want to talk, just say so. No one will contact you again about it, and the
          support lines on this page stay there for whenever you want them.
        </p>
      </section>
    </div>
  );
}
