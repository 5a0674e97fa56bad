import { useState } from 'react';
import { fromLocalInput, toLocalInput } from '../../lib/zoned-time.ts';
import { RadioGroupField } from '../ui/radio-group.tsx';
import { TextField } from '../ui/text-field.tsx';

/**
 * When and where a team gathering takes place (a training session, a supervision meeting): start
 * and end in the program's time zone, in person with a room or remote with a video link. The
 * server checks the same rules (server/modules/scheduling/time-and-place.ts).
 */

type Modality = 'in_person' | 'remote';

export interface TimeAndPlace {
  /** datetime-local values, read in the program's zone. */
  startsAt: string;
  endsAt: string;
  modality: Modality;
  place: string;
  videoLink: string;
}

/** The form's state, prefilled from a stored gathering (ISO instants), and what the API takes. */
export function useTimeAndPlace(
  stored: { startsAt: string; endsAt: string; modality: Modality; place: string | null; videoLink: string | null } | undefined,
  timeZone: string,
) {
  const [value, setValue] = useState<TimeAndPlace>(() => ({
    startsAt: stored ? toLocalInput(stored.startsAt, timeZone) : '',
    endsAt: stored ? toLocalInput(stored.endsAt, timeZone) : '',
    modality: stored?.modality ?? 'in_person',
    place: stored?.place ?? '',
    videoLink: stored?.videoLink ?? '',
  }));
  const toInput = () => ({
    startsAt: fromLocalInput(value.startsAt, timeZone) ?? value.startsAt,
    endsAt: fromLocalInput(value.endsAt, timeZone) ?? value.endsAt,
    modality: value.modality,
    place: value.modality === 'in_person' ? value.place : null,
    videoLink: value.modality === 'remote' ? value.videoLink : null,
  });
  return { value, setValue, toInput };
}

export function TimeAndPlaceFields({
  value,
  onChange,
  errors,
  timeZone,
  what,
}: {
  value: TimeAndPlace;
  onChange: (value: TimeAndPlace) => void;
  errors: Record<string, string | undefined>;
  timeZone: string;
  /** "session", "meeting": how the place's hint names the thing. */
  what: string;
}) {
  const set = (patch: Partial<TimeAndPlace>) => onChange({ ...value, ...patch });
  return (
    <>
      <div className="form__row">
        <TextField
          label="Starts"
          name="startsAt"
          type="datetime-local"
          value={value.startsAt}
          onChange={(startsAt) => set({ startsAt })}
          isRequired
          description={`Times are in ${timeZone}.`}
          errorMessage={errors.startsAt}
        />
        <TextField
          label="Ends"
          name="endsAt"
          type="datetime-local"
          value={value.endsAt}
          onChange={(endsAt) => set({ endsAt })}
          isRequired
          errorMessage={errors.endsAt}
        />
      </div>
      <RadioGroupField
        label="Where"
        orientation="horizontal"
        options={[
          { id: 'in_person', label: 'In person' },
          { id: 'remote', label: 'Remote' },
        ]}
        value={value.modality}
        onChange={(modality) => set({ modality: modality as Modality })}
      />
      {value.modality === 'in_person' ? (
        <TextField
          label="Place"
          name="place"
          value={value.place}
          onChange={(place) => set({ place })}
          description={`Shown in calendar invites: a room, not what the ${what} is about.`}
          errorMessage={errors.place}
          isRequired
        />
      ) : (
        <TextField
          label="Video link"
          name="videoLink"
          type="url"
          value={value.videoLink}
          onChange={(videoLink) => set({ videoLink })}
          errorMessage={errors.videoLink}
          isRequired
        />
      )}
    </>
  );
}
