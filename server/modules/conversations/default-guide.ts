import type { GuideSection } from '../../../shared/schemas/conversations.ts';

/**
 * Version 1 of every program's conversation guide, drawn from real programs
 * (docs/product.md, "The conversation guide and outreach templates"): the Brigham/Shapiro components, the ERNST quick guide, RISE's
 * principles and the AMA's common questions. Programs replace it with their own versions.
 * Nothing typed while following it is stored: it is read-only prompts.
 */
export const DEFAULT_GUIDE_SECTIONS: GuideSection[] = [
  {
    id: 'opening',
    title: 'Opening and the limits of confidentiality',
    prompts: [
      'Thank them for making the time to talk.',
      'Say who you are: a trained colleague, here to listen — not to evaluate, advise or fix.',
      'Explain that what they share stays between you and is not part of any quality review, HR or credentialing file, and that no notes are taken.',
      'Name the limits: if you believe they or someone else is at imminent risk, you will act to get help.',
      'Make clear that the conversation is voluntary and they can stop at any time.',
    ],
  },
  {
    id: 'listening',
    title: 'Listening',
    prompts: [
      'Let them do most of the talking; be present and calm.',
      'Use encouragers and reflect back ("so it sounds like…").',
      'Gently invite them to name what they feel; normalise it ("it is not unusual to feel this way").',
      'Avoid minimising ("this is part of the job") and avoid giving advice.',
      'Summarise the main concerns you heard (for example sleep, worry, guilt).',
    ],
  },
  {
    id: 'common_questions',
    title: 'The common questions',
    prompts: [
      'What is bothering you most right now?',
      'How are you coping — sleeping, eating, working?',
      'Who is in your support network, at work and at home?',
      'Do you need some time off or a change in your schedule?',
    ],
  },
  {
    id: 'coping',
    title: 'Coping and support network',
    prompts: [
      'What has helped you get through hard times before?',
      'Recognise the strengths and supports they already have.',
      'Share that reactions often come in waves and that many clinicians go through similar stages.',
    ],
  },
  {
    id: 'time_off',
    title: 'Time off and schedule relief',
    prompts: [
      'Ask whether a break, a lighter schedule or a swap would help.',
      'Explain how time off or schedule relief can be requested in this program.',
    ],
  },
  {
    id: 'resources',
    title: 'Resources',
    prompts: [
      'Offer the resources that fit: the employee assistance program or therapy, legal advice or risk management, disclosure coaching, chaplaincy, grief counselling.',
      'Mention the Physician Support Line and the crisis line, available when you are not.',
    ],
  },
  {
    id: 'closing',
    title: 'Closing',
    prompts: [
      'Ask what they will do next and whether the conversation helped.',
      'Offer a follow-up and agree on when and how.',
      'Thank them and remind them how to reach the program again.',
    ],
  },
];
