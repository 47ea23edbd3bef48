import { Clock, validateBody, validationFailed } from '@kivuko/platform';
import { Injectable, PipeTransform } from '@nestjs/common';
import { RegisterIntakeDto } from './dto/intake.dto';
import { checkIntake } from './intake-checks';
import { QuestionnaireRegistry } from './screening/questionnaire';

/**
 * The intake body: its shape (class-validator) and, for every part whose shape is sound, the intake's
 * own rules, answered together in one 400. A body of sound shape goes on to the use case, which adds
 * the checks that need the database to the same list.
 */
@Injectable()
export class RegisterIntakeBodyPipe implements PipeTransform<unknown, RegisterIntakeDto> {
  constructor(
    private readonly questionnaires: QuestionnaireRegistry,
    private readonly clock: Clock,
  ) {}

  transform(body: unknown): RegisterIntakeDto {
    const { value, problems } = validateBody(RegisterIntakeDto, body);
    if (problems.length === 0) return value;
    const rules = checkIntake(value, this.clock.now(), this.questionnaires, problems.map((p) => p.path)).problems;
    throw validationFailed([...problems, ...rules]);
  }
}
