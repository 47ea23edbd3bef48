import { ApiProperty } from '@nestjs/swagger';

export class ComparedDocumentDto {
  @ApiProperty({ example: 'PASSPORT' })
  kind!: string;

  @ApiProperty({ example: 'SOM', description: 'ISO 3166-1 alpha-3' })
  issuingCountry!: string;

  @ApiProperty({ example: '567', description: 'The last characters of the number (at most three, never more than half of it); the rest is withheld' })
  numberEnding!: string;

  @ApiProperty({ example: 8, description: 'How many characters the number has (letters and digits)' })
  numberLength!: number;

  @ApiProperty({ description: 'The other record of the pair holds a document of the same country with the same number' })
  onOtherRecord!: boolean;
}

export class ComparedBorderPointDto {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'NMG' })
  code!: string;

  @ApiProperty({ example: 'Namanga land crossing' })
  name!: string;
}

/** What deciding whether two arrivals are one person needs of a record, and nothing else. */
export class ComparedRecordDto {
  @ApiProperty({ format: 'uuid' })
  caseId!: string;

  @ApiProperty({ example: 'TZA-NMG-2026-000123' })
  caseNumber!: string;

  @ApiProperty({ type: String, nullable: true })
  givenName!: string | null;

  @ApiProperty({ type: String, nullable: true })
  familyName!: string | null;

  @ApiProperty({ type: [String], description: 'Other names and spellings the person gave' })
  otherNames!: string[];

  @ApiProperty({ example: 'FEMALE' })
  sex!: string;

  @ApiProperty({ type: String, nullable: true, example: '1990-02-01' })
  dateOfBirth!: string | null;

  @ApiProperty()
  dateOfBirthEstimated!: boolean;

  @ApiProperty({ type: Number, nullable: true })
  statedAge!: number | null;

  @ApiProperty({ type: [String], example: ['SOM'] })
  nationalities!: string[];

  @ApiProperty({ type: [String], example: ['so', 'sw'] })
  languages!: string[];

  @ApiProperty({ type: ComparedBorderPointDto })
  borderPoint!: ComparedBorderPointDto;

  @ApiProperty({ format: 'date-time' })
  arrivedAt!: string;

  @ApiProperty({ format: 'date-time' })
  registeredAt!: string;

  @ApiProperty({ type: [ComparedDocumentDto] })
  documents!: ComparedDocumentDto[];
}

export class EncounterComparisonDto {
  @ApiProperty({ format: 'uuid' })
  encounterId!: string;

  @ApiProperty({ type: ComparedRecordDto, description: 'The new arrival (registered at one of your border points)' })
  newRecord!: ComparedRecordDto;

  @ApiProperty({ type: ComparedRecordDto, description: 'The earlier record it may be the same person as, wherever it was registered' })
  earlierRecord!: ComparedRecordDto;
}
