import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Actor } from '@rowan/access';
import { GetContactUseCase, ListStaffUseCase } from '@rowan/directory';
import type { SchoolId } from '@rowan/kernel';
import { CurrentActor, RequirePermission } from '../auth/decorators';
import { ApiProblems } from '../http/api-errors.decorator';
import { IdParam } from '../http/id.param';
import { ContactDetailDto, ListStaffQuery, StaffMemberDto, StaffPageDto } from './dto/contact-staff.dto';

@ApiTags('Directory')
@Controller('api/v1/schools/:schoolId')
export class ContactsStaffController {
  constructor(
    private readonly getContactUseCase: GetContactUseCase,
    private readonly listStaffUseCase: ListStaffUseCase,
  ) {}

  @Get('contacts/:contactId')
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'getContact',
    summary: 'A contact with their channels and children',
    description: 'Children at this school, with the relationship.',
  })
  @ApiOkResponse({ type: ContactDetailDto })
  @ApiProblems(400, 404)
  async getContact(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @IdParam('contactId') contactId: string,
  ): Promise<ContactDetailDto> {
    return ContactDetailDto.from(
      await this.getContactUseCase.execute({ actor, schoolId: schoolId as SchoolId, contactId }),
    );
  }

  @Get('staff')
  @RequirePermission('directory:read')
  @ApiOperation({
    operationId: 'listStaff',
    summary: 'The school’s staff from the MIS',
    description: 'Current staff by surname; search by name or email.',
  })
  @ApiOkResponse({ type: StaffPageDto })
  @ApiProblems(400, 404)
  async listStaff(
    @CurrentActor() actor: Actor,
    @IdParam('schoolId') schoolId: string,
    @Query() query: ListStaffQuery,
  ): Promise<StaffPageDto> {
    const page = await this.listStaffUseCase.execute({
      actor,
      schoolId: schoolId as SchoolId,
      search: query.search,
      page: query.toPageRequest(),
    });
    return { items: page.items.map(StaffMemberDto.from), nextCursor: page.nextCursor };
  }
}
