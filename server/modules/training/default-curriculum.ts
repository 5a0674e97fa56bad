import type { CurriculumModule } from '../../../shared/schemas/training.ts';

/**
 * Version 1 of every organisation's curriculum, drawn from the programs peer supporters are commonly
 * trained in (RISE, Medically Induced Trauma Support Services, the Scott three-tier model). The
 * director edits it on the Training page; each save is a new version.
 *
 * Psychological first aid is the one optional module: many hospitals already teach it to all staff
 * in a course of its own, and what the supporter needs of it is covered by the listening and risk
 * modules; a program that wants it required ticks one box.
 */
export const DEFAULT_CURRICULUM: readonly CurriculumModule[] = [
  {
    key: 'empathetic-listening',
    title: 'Empathetic listening',
    description: 'Listening without judging or fixing; reflecting back what was heard; staying with silence.',
    minutes: 120,
    required: true,
  },
  {
    key: 'open-questions',
    title: 'Asking open questions',
    description: 'The common questions of a first conversation, asked openly and one at a time.',
    minutes: 60,
    required: true,
  },
  {
    key: 'sharing-experience',
    title: 'Sharing one’s own experience',
    description: 'When a short story of one’s own helps, and how little to say so the conversation stays theirs.',
    minutes: 60,
    required: true,
  },
  {
    key: 'confidentiality',
    title: 'Confidentiality and its limits',
    description: 'What stays between colleagues, what never goes into a record, and the few situations where it cannot stay.',
    minutes: 60,
    required: true,
  },
  {
    key: 'risk-and-escalation',
    title: 'Recognising risk and escalating',
    description: 'Signs that someone is not safe, asking directly, and handing on to the program’s urgent path the same day.',
    minutes: 90,
    required: true,
  },
  {
    key: 'second-victim-stages',
    title: 'The second-victim recovery stages',
    description: 'Chaos, intrusive reflections, restoring integrity, enduring the inquisition, obtaining first aid, moving on.',
    minutes: 60,
    required: true,
  },
  {
    key: 'psychological-first-aid',
    title: 'Psychological first aid',
    description: 'Contact, safety, stabilisation and practical help in the hours after an event.',
    minutes: 120,
    required: false,
  },
  {
    key: 'referral',
    title: 'When and how to refer',
    description: 'The referral directory, a warm hand-over, and knowing when a conversation needs a professional.',
    minutes: 60,
    required: true,
  },
].map((module, position) => ({ ...module, position }));

/** The role-play scenarios a new organisation starts with; the director edits and adds to them. */
export const DEFAULT_SCENARIOS: readonly { title: string; situation: string }[] = [
  {
    title: 'After a patient death',
    situation:
      'A nurse on a night shift cared for a patient who died unexpectedly. She keeps replaying the last hour and wonders whether she missed something.',
  },
  {
    title: 'After a lawsuit',
    situation:
      'A surgeon has just learned that a family is suing over an operation two years ago. He has stopped eating with colleagues and sleeps badly.',
  },
  {
    title: 'Burnout',
    situation:
      'A resident has worked many weeks of long shifts with too few staff. She says she feels nothing any more and thinks about leaving medicine.',
  },
  {
    title: 'A near miss',
    situation:
      'A pharmacist caught a tenfold dosing error just before it reached a child. Nobody was harmed, but he cannot stop thinking about what nearly happened.',
  },
];
