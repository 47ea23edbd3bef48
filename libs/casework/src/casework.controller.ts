import { Actor, correlationOf, CurrentActor, Permission, RequestWithActor, RequirePermission, UuidParamPipe } from '@kivuko/platform';
import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AddNoteDto, TimelineQuery } from './casework.dto';
import { CaseworkService, NoteView, TimelineEntry } from './casework.service';

const uuid = new UuidParamPipe();

@ApiTags('case management')
@ApiBearerAuth()
@Controller({ version: '1' })
export class CaseworkController {
  constructor(private readonly casework: CaseworkService) {}

  /** Everything that happened to the case, oldest first (or newest first), paginated, as far as you may see it. */
  @ApiOperation({ summary: 'Read the timeline of a case, oldest first (or newest first with order=desc), page by page' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases/:id/timeline')
  timeline(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Query() query: TimelineQuery, @Req() req: RequestWithActor): Promise<{ items: TimelineEntry[]; nextCursor?: string }> {
    return this.casework.timeline(actor, id, query, correlationOf(req));
  }

  @ApiOperation({ summary: 'List the notes on a case that you may read' })
  @RequirePermission(Permission.CasesRead)
  @Get('cases/:id/notes')
  notes(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Req() req: RequestWithActor): Promise<{ notes: NoteView[]; withheld: number }> {
    return this.casework.notes(actor, id, correlationOf(req));
  }

  /** A note: NORMAL, RESTRICTED to your agency, or SENSITIVE within a field group your agency may see. */
  @ApiOperation({ summary: 'Add a note to a case (normal, restricted or sensitive)' })
  @RequirePermission(Permission.NotesWrite)
  @Post('cases/:id/notes')
  addNote(@CurrentActor() actor: Actor, @Param('id', uuid) id: string, @Body() body: AddNoteDto, @Req() req: RequestWithActor): Promise<NoteView> {
    return this.casework.addNote(actor, id, body, correlationOf(req));
  }
}
