import { FieldGroup } from '@kivuko/access';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsEnum, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

export enum NoteSensitivity {
  /** Whoever may see the case. */
  Normal = 'NORMAL',
  /** The author's agency only. */
  Restricted = 'RESTRICTED',
  /** Readers whose agency may see the note's field group; stored encrypted. */
  Sensitive = 'SENSITIVE',
}

export class AddNoteDto {
  @ApiProperty({ enum: NoteSensitivity })
  @IsEnum(NoteSensitivity)
  sensitivity!: NoteSensitivity;

  @ApiPropertyOptional({ enum: FieldGroup, description: 'Required for a SENSITIVE note: the section it belongs to' })
  @IsOptional()
  @IsEnum(FieldGroup)
  fieldGroup?: FieldGroup;

  @ApiProperty({ example: 'Met at the shelter; interpreter booked for Thursday.' })
  @IsString()
  @MinLength(1)
  @MaxLength(8000)
  text!: string;
}

/** A keyset page: how many, and where the previous page ended. */
export class PageQuery {
  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(400)
  cursor?: string;
}

export class TimelineQuery extends PageQuery {}
