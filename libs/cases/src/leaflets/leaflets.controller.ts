import { ApiErrorAnswers, Permission, RequirePermission } from '@kivuko/platform';
import { CaseErrors } from '../cases.errors';
import { Controller, Get, Headers, Param, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiOperation, ApiParam, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { LeafletDto, LeafletListDto } from './leaflet.dto';
import { Leaflet } from './leaflet';
import { LEAFLETS, leafletIn } from './leaflets';

const summaryOf = ({ language, version, title, direction, reviewStatus }: Leaflet) => ({ language, version, title, direction, reviewStatus });
/** The texts change only with their version, so `language@version` tags them (the list: every leaflet's tag). */
const LIST_TAG = `"${LEAFLETS.map((l) => `${l.language}@${l.version}`).join('+')}"`;
const tagOf = (leaflet: Leaflet): string => `"${leaflet.language}@${leaflet.version}"`;

/** Sets the tag and says whether the client already holds this text (answered 304, without a body). */
function notModified(reply: FastifyReply, etag: string, ifNoneMatch: string | undefined): boolean {
  void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
  const held = (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
  if (!held.includes(etag) && !held.includes('*')) return false;
  void reply.status(304);
  return true;
}

/** The rights leaflets, readable by anyone signed in: the texts are public information. */
@ApiTags('intake')
@ApiBearerAuth()
@Controller({ version: '1' })
export class LeafletsController {
  @ApiOperation({ summary: 'The rights leaflets there are: language, version, title and direction' })
  @ApiOkResponse({ type: LeafletListDto })
  @ApiResponse({ status: 304, description: 'Not modified: If-None-Match named these versions' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of the list the client holds' })
  @RequirePermission(Permission.SignedIn)
  @Get('leaflets')
  list(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): LeafletListDto | undefined {
    return notModified(reply, LIST_TAG, ifNoneMatch) ? undefined : { leaflets: LEAFLETS.map(summaryOf) };
  }

  @ApiOperation({ summary: 'The rights leaflet in one language' })
  @ApiParam({ name: 'language', description: 'ISO 639-1 code: en, fr, pt, sw, ar, am, so or ti', example: 'sw' })
  @ApiOkResponse({ type: LeafletDto, description: '`ETag` is `"language@version"`' })
  @ApiResponse({ status: 304, description: 'Not modified: If-None-Match named this leaflet version' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a leaflet the client holds' })
  @ApiErrorAnswers({ 404: 'No leaflet in this language (`LEAFLET.NOT_FOUND`)' })
  @RequirePermission(Permission.SignedIn)
  @Get('leaflets/:language')
  get(@Param('language') language: string, @Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): LeafletDto | undefined {
    const leaflet = leafletIn(language);
    if (!leaflet) throw CaseErrors.raise('LEAFLET.NOT_FOUND');
    if (notModified(reply, tagOf(leaflet), ifNoneMatch)) return undefined;
    return { ...summaryOf(leaflet), sections: leaflet.sections.map(({ topic, heading, body }) => ({ topic, heading, body })) };
  }
}
