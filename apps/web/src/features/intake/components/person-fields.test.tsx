import { fireEvent, render, screen } from '@testing-library/react';
import { useEffect, useRef, useState } from 'react';
import { IntlProvider } from 'react-intl';
import { describe, expect, it } from 'vitest';
import type { FieldProblem } from '../../../api/api-error';
import en from '../../../../lang/en.json';
import { useFieldErrors } from '../field-errors';
import { emptyPerson, PersonForm } from '../form-state';
import { focusFirstInvalid } from './fields';
import { PersonFields } from './person-fields';

function Harness({ problems }: { problems: FieldProblem[] }) {
  const root = useRef<HTMLDivElement>(null);
  const errors = useFieldErrors();
  const [people, setPeople] = useState<PersonForm[]>([
    { ...emptyPerson('p1'), givenName: 'Amina', sex: 'FEMALE' },
    { ...emptyPerson('p2'), givenName: 'Hodan', sex: 'FEMALE' },
  ]);
  const [sent, setSent] = useState(0);
  useEffect(() => {
    if (sent > 0) focusFirstInvalid(root.current);
  }, [sent]);
  return (
    <div ref={root}>
      {people.map((person, index) => (
        <PersonFields
          key={person.ref}
          person={person}
          onChange={(next) => setPeople(people.map((p, i) => (i === index ? next : p)))}
          path={`persons[${index}]`}
          mode="FULL"
          arrivedAt="2026-11-26T06:40:00Z"
          others={people.filter((_, i) => i !== index).map((p) => ({ ref: p.ref, label: p.givenName }))}
          leaflets={[]}
          errorsFor={errors.errorsFor}
        />
      ))}
      <button
        type="button"
        onClick={() => {
          errors.showServerProblems(problems, root.current);
          setSent((n) => n + 1);
        }}
      >
        send
      </button>
    </div>
  );
}

describe('PersonFields and a 400', () => {
  it('lands each field problem on its field and focuses the first one', async () => {
    render(
      <IntlProvider locale="en" messages={en}>
        <Harness problems={[{ path: 'persons[1].nationalities', problem: 'must contain at least 1 elements' }, { path: 'persons[1].dateOfBirth', problem: 'must not be in the future' }]} />
      </IntlProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: 'send' }));
    const nationalities = screen.getAllByRole('combobox', { name: 'Nationalities' });
    expect(nationalities[0]).not.toHaveAttribute('aria-invalid');
    expect(nationalities[1]).toHaveAttribute('aria-invalid', 'true');
    expect(await screen.findByText('The server refused this value (must contain at least 1 elements).')).toBeInTheDocument();
    expect(screen.getByText('The server refused this value (must not be in the future).')).toBeInTheDocument();
    // The date of birth comes before the nationalities in the form: it takes the focus.
    expect(document.activeElement?.closest('[data-field-path]')?.getAttribute('data-field-path')).toBe('persons[1].dateOfBirth');
  });

  it('offers the other persons of the intake as companions, with the stated relationship', () => {
    render(
      <IntlProvider locale="en" messages={en}>
        <Harness problems={[]} />
      </IntlProvider>,
    );
    fireEvent.click(screen.getAllByRole('button', { name: 'Add a companion' })[1]!);
    expect(screen.getByText('Amina', { selector: 'button span' })).toBeInTheDocument();
  });
});
