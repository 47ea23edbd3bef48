import { ApiOperationIdPrefix } from '@kivuko/platform';
import { applyDecorators, Controller } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';

/**
 * What every protection-record controller is: routes under `cases/:id` (v1), signed in, in the OpenAPI
 * document's «protection records» group, keeping the operation ids the records had as one controller.
 */
export const ProtectionRecordsController = (): ClassDecorator =>
  applyDecorators(ApiTags('protection records'), ApiBearerAuth(), ApiOperationIdPrefix('RecordsController'), Controller({ path: 'cases/:id', version: '1' }));
