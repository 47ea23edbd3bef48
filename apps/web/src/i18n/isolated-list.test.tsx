import { render } from '@testing-library/react';
import { createIntl } from 'react-intl';
import { describe, expect, it } from 'vitest';
import { isolatedList } from './isolated-list';

const listIn = (locale: string, names: string[]) => render(<p>{isolatedList(createIntl({ locale }), names)}</p>).container.firstElementChild!;

describe('isolatedList', () => {
  it('isolates each name in <bdi> and keeps the Arabic "و" off a Latin name', () => {
    const list = listIn('ar', ['Namanga land crossing', 'Kigoma lake port']);
    expect([...list.querySelectorAll('bdi')].map((bdi) => bdi.textContent)).toEqual(['Namanga land crossing', 'Kigoma lake port']);
    expect(list.textContent).toBe('Namanga land crossing و Kigoma lake port');
  });

  it('leaves the Arabic "و" written onto an Arabic name, and other languages as their list format says', () => {
    expect(listIn('ar', ['نمانغا', 'كيغوما']).textContent).toBe('نمانغا وكيغوما');
    expect(listIn('en', ['Namanga', 'Kigoma', 'Kasulu']).textContent).toBe('Namanga, Kigoma, and Kasulu');
  });
});
