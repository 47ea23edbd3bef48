import { ApiProperty } from '@nestjs/swagger';
import { LEAFLET_REVIEW_STATUSES, LEAFLET_TOPICS, LeafletReviewStatus, LeafletTopic } from './leaflet';

const REVIEW_STATUS = {
  enum: LEAFLET_REVIEW_STATUSES,
  enumName: 'LeafletReviewStatus',
  description: 'SOURCE: the English text; GLOSSARY_CHECKED: translated with the glossary’s sourced terms; NATIVE_REVIEW_PENDING: a native speaker has not reviewed it yet (tell the official)',
};

export class LeafletSummaryDto {
  @ApiProperty({ example: 'am', description: 'ISO 639-1 language code' })
  language!: string;
  @ApiProperty({ example: '2026.1', description: 'Recorded with the intake as `informationGiven.leafletVersion`' })
  version!: string;
  @ApiProperty({ example: 'በድንበር ላይ ያሉዎት መብቶች' })
  title!: string;
  @ApiProperty({ enum: ['ltr', 'rtl'] })
  direction!: 'ltr' | 'rtl';
  @ApiProperty(REVIEW_STATUS)
  reviewStatus!: LeafletReviewStatus;
}

export class LeafletListDto {
  @ApiProperty({ type: [LeafletSummaryDto] })
  leaflets!: LeafletSummaryDto[];
}

export class LeafletSectionDto {
  @ApiProperty({ enum: LEAFLET_TOPICS, enumName: 'LeafletTopic' })
  topic!: LeafletTopic;
  @ApiProperty({ example: 'Asking for asylum' })
  heading!: string;
  @ApiProperty({ example: 'If you are afraid to go back to your country, you can ask for asylum here.' })
  body!: string;
}

export class LeafletDto extends LeafletSummaryDto {
  @ApiProperty({ type: [LeafletSectionDto], description: 'One section per topic; DATA_USE also says how to withdraw consent' })
  sections!: LeafletSectionDto[];
}
