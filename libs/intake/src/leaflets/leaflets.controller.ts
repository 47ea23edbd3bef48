import { NotFoundError, Permission, RequirePermission } from '@kivuko/platform';
import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { LeafletDto, LeafletListDto } from './leaflet.dto';
import { Leaflet } from './leaflet';
import { LEAFLETS, leafletIn } from './leaflets';

const summaryOf = ({ language, version, title, direction, reviewStatus }: Leaflet) => ({ language, version, title, direction, reviewStatus });

/** The rights leaflets, readable by anyone signed in: the texts are public information. */
@ApiTags('intake')
@ApiBearerAuth()
@Controller({ version: '1' })
export class LeafletsController {
  @ApiOperation({ summary: 'The rights leaflets there are: language, version, title and direction' })
  @ApiOkResponse({ type: LeafletListDto })
  @RequirePermission(Permission.SignedIn)
  @Get('leaflets')
  list(): LeafletListDto {
    return { leaflets: LEAFLETS.map(summaryOf) };
  }

  @ApiOperation({ summary: 'The rights leaflet in one language' })
  @ApiParam({ name: 'language', description: 'ISO 639-1 code: en, fr, pt, sw, ar, am, so or ti', example: 'sw' })
  @ApiOkResponse({ type: LeafletDto })
  @RequirePermission(Permission.SignedIn)
  @Get('leaflets/:language')
  get(@Param('language') language: string): LeafletDto {
    const leaflet = leafletIn(language);
    if (!leaflet) throw new NotFoundError('LEAFLET.NOT_FOUND', 'There is no leaflet in this language');
    return { ...summaryOf(leaflet), sections: leaflet.sections.map(({ topic, heading, body }) => ({ topic, heading, body })) };
  }
}
