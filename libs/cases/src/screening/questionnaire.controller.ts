import { Permission, RequirePermission } from '@kivuko/platform';
import { Controller, Get, Headers, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiExtraModels, ApiHeader, ApiOkResponse, ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import { FastifyReply } from 'fastify';
import { QuestionnaireDto, questionnaireView, SHOW_WHEN_MODELS } from './questionnaire.dto';
import { QuestionnaireRegistry } from './questionnaire';

/** `"code@version"`: the questionnaire's version is its identity, so the tag never changes for the same text. */
const etagOf = (view: QuestionnaireDto): string => `"${view.code}@${view.version}"`;

@ApiTags('intake')
@ApiBearerAuth()
@ApiExtraModels(...SHOW_WHEN_MODELS)
@Controller({ version: '1' })
export class QuestionnaireController {
  private cached?: { view: QuestionnaireDto; etag: string };

  constructor(private readonly questionnaires: QuestionnaireRegistry) {}

  @ApiOperation({ summary: 'The screening questionnaire to ask now, with its translations and when each question applies' })
  @ApiOkResponse({ type: QuestionnaireDto, description: 'The active questionnaire; `ETag` is `"code@version"`', headers: { ETag: { description: 'The questionnaire code and version, e.g. "kivuko-screening@3"', schema: { type: 'string' } } } })
  @ApiResponse({ status: 304, description: 'Not modified: If-None-Match named this questionnaire version' })
  @ApiHeader({ name: 'If-None-Match', required: false, description: 'The ETag of a questionnaire the client holds' })
  // Anyone who registers arrivals also reads cases; caseworkers read it to understand answers.
  @RequirePermission(Permission.CasesRead)
  @Get('questionnaire')
  get(@Headers('if-none-match') ifNoneMatch: string | undefined, @Res({ passthrough: true }) reply: FastifyReply): QuestionnaireDto | undefined {
    const active = this.questionnaires.current;
    if (!this.cached || this.cached.view.code !== active.code || this.cached.view.version !== active.version) {
      const view = questionnaireView(active);
      this.cached = { view, etag: etagOf(view) };
    }
    const { view, etag } = this.cached;
    void reply.header('ETag', etag).header('Cache-Control', 'private, no-cache');
    const held = (ifNoneMatch ?? '').split(',').map((tag) => tag.trim().replace(/^W\//, ''));
    if (held.includes(etag) || held.includes('*')) {
      void reply.status(304);
      return undefined;
    }
    return view;
  }
}
