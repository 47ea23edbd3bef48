import '@kivuko/runtime';
import { getMetadataStorage } from 'class-validator';

interface Rule {
  type: string;
  name?: string;
  propertyName: string;
  each: boolean;
}

/*
 * class-validator's @ValidateNested lets an absent value through and validates an array where an object
 * belongs as if it were a list of them (`screening: []`, `documents: [[]]`), so the use case met a shape
 * it did not expect and answered 500. Every nested property of every request DTO therefore also says
 * @IsObject() (each: true for a list), which refuses null, arrays and a missing required object.
 */
describe('nested objects in request bodies', () => {
  it('are declared @IsObject wherever they are @ValidateNested (a list: @IsObject({ each: true }))', () => {
    const storage = getMetadataStorage() as unknown as { validationMetadatas: Map<Function, Rule[]> };
    const lacking: string[] = [];
    let nestedCount = 0;
    for (const [target, rules] of storage.validationMetadatas) {
      for (const nested of rules.filter((r) => r.type === 'nestedValidation')) {
        nestedCount++;
        const object = rules.some((r) => r.propertyName === nested.propertyName && r.name === 'isObject' && Boolean(r.each) === Boolean(nested.each));
        if (!object) lacking.push(`${target.name}.${nested.propertyName}`);
      }
    }
    expect(nestedCount).toBeGreaterThan(15);
    expect(lacking).toEqual([]);
  });
});
