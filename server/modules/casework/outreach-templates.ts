import type { z } from 'zod';
import type { OutreachTemplateSchema } from '../../../shared/schemas/casework.ts';

/**
 * "Touching base" messages drawn from real programs (docs/product.md, "The conversation guide and outreach templates"): say who you are and
 * that you are from the peer-support program, mention no clinical details (the supporter has none),
 * offer a time to talk by phone or in person, say plainly that it is voluntary, and use "Touching
 * base" as the subject. The supporter copies them into their own mail or phone; Peerline never sends
 * them and never stores them per case.
 */
export const OUTREACH_TEMPLATES: z.infer<typeof OutreachTemplateSchema>[] = [
  {
    id: 'email-first-contact',
    channel: 'email',
    title: 'First e-mail',
    subject: 'Touching base',
    text:
      'Hi {firstName},\n\nI am {supporterFirstName}, a colleague and a member of our peer support team. I am reaching out to ' +
      'touch base and see how you are doing. If it would help to talk, I would be glad to find a time that suits you, by ' +
      'phone or in person. It is completely voluntary and stays between us.\n\nBest,\n{supporterFirstName}',
  },
  {
    // Outreach after an event notice: the person did not ask, so the message says only
    // that colleagues check in on each other — never the event, who reported it, or what is known.
    id: 'email-reaching-in',
    channel: 'email',
    title: 'Reaching in (you were asked to check in)',
    subject: 'Touching base',
    text:
      'Hi {firstName},\n\nI am {supporterFirstName}, a colleague and a member of our peer support team. We check in with ' +
      'colleagues from time to time, especially when work has been demanding, and I wanted to see how you are doing. If you ' +
      'would like to talk, I would be glad to find a time that suits you, by phone or in person. There is no need to reply ' +
      'if you would rather not; it is entirely up to you and stays between us.\n\nBest,\n{supporterFirstName}',
  },
  {
    id: 'email-after-no-answer',
    channel: 'email',
    title: 'Follow-up e-mail after no answer',
    subject: 'Touching base',
    text:
      'Hi {firstName},\n\nJust touching base again. If you would like to talk, I am happy to make time, by phone or in person, ' +
      'whenever it suits you. If now is not the right time, that is completely fine. The program resources are at the link ' +
      'below if you need them later.\n\nBest,\n{supporterFirstName}',
  },
  {
    id: 'text-first-contact',
    channel: 'text',
    title: 'Text message',
    subject: null,
    text:
      'Hi {firstName}, this is {supporterFirstName} from the peer support team, touching base. Happy to talk whenever it suits ' +
      'you, by phone or in person. No pressure at all.',
  },
  {
    id: 'phone-voicemail',
    channel: 'phone',
    title: 'Voicemail',
    subject: null,
    text:
      'Hi {firstName}, this is {supporterFirstName}, a colleague with the peer support program. I am calling to touch base and ' +
      'see how you are doing. If you would like to talk, call or text me back at a time that suits you. It is entirely up to you.',
  },
];
