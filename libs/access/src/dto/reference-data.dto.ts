import { Role } from '@kivuko/platform';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsBoolean,
  IsEmail,
  IsEnum,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
  Validate,
  ValidatorConstraint,
  ValidatorConstraintInterface,
} from 'class-validator';
import countries from 'i18n-iso-countries';
import { AgencyKind, AgencyService, BorderPointKind } from '../access.enums';

@ValidatorConstraint({ name: 'isoAlpha3Country' })
export class IsoAlpha3Country implements ValidatorConstraintInterface {
  validate(value: unknown): boolean {
    return typeof value === 'string' && /^[A-Z]{3}$/.test(value) && countries.isValid(value);
  }
  defaultMessage(): string {
    return '$property must be an ISO 3166-1 alpha-3 country code such as TZA';
  }
}

export class CreateBorderPointDto {
  @ApiProperty({ example: 'NMG' })
  @Matches(/^[A-Z]{3,5}$/, { message: 'code must be 3 to 5 capital letters' })
  code!: string;

  @ApiProperty({ example: 'Namanga land crossing' })
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  name!: string;

  @ApiProperty({ example: 'TZA' })
  @Validate(IsoAlpha3Country)
  country!: string;

  @ApiProperty({ enum: BorderPointKind })
  @IsEnum(BorderPointKind)
  kind!: BorderPointKind;

  @ApiPropertyOptional({ example: 'Arusha' })
  @IsOptional()
  @IsString()
  @MaxLength(120)
  region?: string;
}

export class CreateAgencyDto {
  @ApiProperty({ example: 'Tumaini Shelter NGO' })
  @IsString()
  @MinLength(2)
  @MaxLength(160)
  name!: string;

  @ApiProperty({ enum: AgencyKind })
  @IsEnum(AgencyKind)
  kind!: AgencyKind;

  @ApiPropertyOptional({ enum: AgencyService, isArray: true })
  @IsOptional()
  @IsEnum(AgencyService, { each: true })
  @ArrayUnique()
  @ArrayMaxSize(20)
  services?: AgencyService[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(200)
  coverageBorderPointIds?: string[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsString({ each: true })
  @MaxLength(120, { each: true })
  @ArrayMaxSize(50)
  coverageRegions?: string[];

  @ApiPropertyOptional({ type: [String], example: ['sw', 'en'] })
  @IsOptional()
  @Matches(/^[a-z]{2,3}$/, { each: true, message: 'each language must be an ISO 639 code such as sw' })
  @ArrayMaxSize(30)
  languages?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(0)
  dailyCapacity?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsEmail()
  @MaxLength(200)
  contactEmail?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @Matches(/^\+?[0-9 ()-]{6,25}$/, { message: 'contactPhone must be a telephone number' })
  contactPhone?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUrl({ protocols: ['https'], require_protocol: true }, { message: 'webhookUrl must be an https URL' })
  @MaxLength(500)
  webhookUrl?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class CreateUserDto {
  @ApiProperty({ example: 'amina.officer' })
  @Matches(/^[a-z0-9][a-z0-9._-]{2,62}$/, { message: 'username must be 3 to 63 lower-case letters, digits, . _ or -' })
  username!: string;

  @ApiProperty()
  @IsString()
  @MinLength(2)
  @MaxLength(120)
  displayName!: string;

  @ApiProperty()
  @IsUUID()
  agencyId!: string;

  @ApiProperty({ enum: Role, isArray: true })
  @IsEnum(Role, { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  roles!: Role[];

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsUUID('all', { each: true })
  @ArrayUnique()
  @ArrayMaxSize(50)
  borderPointIds?: string[];

  @ApiProperty({ minLength: 12 })
  @IsString()
  @MinLength(12)
  @MaxLength(200)
  password!: string;
}
