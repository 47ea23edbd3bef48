import { PageCursor, PageLimit } from '@kivuko/platform';
import { FieldGroup } from '@kivuko/access';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsEnum, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

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
  @PageLimit({ max: 200, default: 50 })
  limit?: number;

  @PageCursor({ maxLength: 400 })
  cursor?: string;
}

export class TimelineQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['asc', 'desc'], default: 'asc', description: 'Oldest first (asc, the default) or newest first (desc); a cursor continues in the order it was given for' })
  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
