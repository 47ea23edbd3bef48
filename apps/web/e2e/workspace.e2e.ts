import { APIRequestContext, expect, Page, test } from '@playwright/test';
import { authHeaders, expectAccessible, signIn, typeTime, watchPage } from './support';

/** The demo password, as the api gives it out in demo mode. */
async function demoPassword(request: APIRequestContext): Promise<string> {
  const res = await request.get('/api/v1/demo/accounts');
  expect(res.status()).toBe(200);
  return ((await res.json()) as { password: string }).password;
}


/** The timeline, every page of it loaded (newest first: the latest ten, then all, then earlier pages). */
async function wholeTimeline(page: Page) {
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const all = timeline.getByRole('button', { name: 'Show all events' });
  const more = timeline.getByRole('button', { name: 'Show earlier events' });
  await expect(timeline.getByRole('listitem').first()).toBeVisible();
  if (await all.isVisible()) await all.click();
  while (await more.isVisible()) {
    const shown = await timeline.getByRole('listitem').count();
    await more.click();
    await expect.poll(() => timeline.getByRole('listitem').count()).toBeGreaterThan(shown);
  }
  return timeline;
}

test('a shelter caseworker works a case referred to the shelter; the manager assigns it, takes the lead, closes it with an outcome and reopens it', async ({ page, browser, request }) => {
  // Two users and about forty steps against the real api: longer than the default minute on a busy machine.
  test.setTimeout(180_000);
  const password = await demoPassword(request);
  const caseworker = await authHeaders(request, 'shelter.caseworker', password);
  // The demo case referred to the shelter (Esperance, at Kigoma).
  // Other flows on the same api refer more arrivals to the shelter: find her among the Burundian cases it sees.
  const cases = (await (await request.get('/api/v1/cases?nationality=BDI&limit=100', { headers: caseworker })).json()) as { items: { id: string; caseNumber: string }[] };
  let found: { id: string; caseNumber: string } | undefined;
  for (const item of cases.items) {
    const read = await request.get(`/api/v1/cases/${item.id}`, { headers: caseworker });
    if (read.ok() && JSON.stringify(await read.json()).includes('"Esperance"')) found = item;
  }
  expect(found, 'the demo case of Esperance, referred to the shelter').toBeDefined();
  const { id: caseId, caseNumber } = found!;

  const watch = await watchPage(page);
  await signIn(page, 'shelter.caseworker', password);
  await page.getByRole('link', { name: caseNumber }).click();
  await expect(page).toHaveURL(new RegExp(`/cases/${caseId}$`));
  await expect(page.getByRole('heading', { name: `Case ${caseNumber}`, level: 1 })).toBeVisible();

  // The summary: only what the SOP shares with an NGO; the withheld arrival section says why.
  await expect(page.getByRole('region', { name: 'Person' })).toContainText('Esperance');
  const withheld = page.getByRole('region', { name: 'Not shared with your agency' });
  await expect(withheld).toContainText('1 section of this case is not shared with your agency');
  await expect(withheld).toContainText('the joint SOP does not share this section with agencies like yours');
  await page.locator('label', { hasText: 'Show protection details' }).click();
  await expect(withheld.getByTestId('withheld-ARRIVAL')).toContainText('Arrival');
  // The responsibility: another agency leads; no caseworker of the shelter yet.
  const responsibility = page.getByRole('region', { name: 'Responsibility' });
  await expect(responsibility).toContainText('Anti-Trafficking Secretariat');
  await expect(responsibility.getByTestId('assignee')).toHaveText('Not assigned');
  // The summary strip under the title: the next task and when it is due, the overdue count, the lead; a
  // caseworker may not assign, so no "Assign to me".
  const summary = page.getByRole('region', { name: 'Case summary' });
  // (Other flows on the same api may already have done the shelter's own tasks on this case: the "due" of the
  // next task is checked once the caseworker has added hers.)
  await expect(summary).toContainText('Next');
  await expect(summary).toContainText('Overdue tasks');
  await expect(summary).toContainText('Anti-Trafficking Secretariat');
  await expect(summary.getByRole('button', { name: 'Assign to me' })).toHaveCount(0);
  // Only the lead agency closes a case: no "Close the case" for the shelter yet.
  await expect(page.getByRole('button', { name: 'Close the case' })).toHaveCount(0);
  await expectAccessible(page);

  // A note for the shelter only, from the shortcut at the top.
  await page.getByRole('button', { name: 'Add a note' }).click();
  const noteText = page.getByRole('textbox', { name: 'Note' });
  await expect(noteText).toBeFocused();
  await noteText.fill('Met her at the shelter; a female interpreter is booked for Thursday.');
  await page.getByLabel('Who may read it').selectOption({ label: 'My agency only' });
  await page.getByRole('button', { name: 'Add the note' }).click();
  const notes = page.getByRole('region', { name: 'Notes' });
  const note = notes.getByRole('listitem').filter({ hasText: 'a female interpreter is booked for Thursday' });
  await expect(note).toContainText('Agency only');
  await expect(note).toContainText('you');
  await expect(noteText).toHaveValue('');

  // An own task with a due date, then done.
  await page.getByRole('navigation', { name: 'What to do' }).getByRole('button', { name: 'Add a task' }).click();
  const tasks = page.getByRole('region', { name: 'Tasks' });
  const title = tasks.getByRole('textbox', { name: 'Task' });
  await expect(title).toBeFocused();
  await title.fill('Call the interpreter to confirm Thursday');
  await typeTime(page, 'Time', '16:30', tasks);
  await expect(tasks.getByRole('group', { name: 'Time' })).toHaveText(/16\W*30/);
  await tasks.getByRole('button', { name: 'Add the task' }).click();
  const ownTask = tasks.getByRole('listitem').filter({ hasText: 'Call the interpreter to confirm Thursday' });
  await expect(ownTask).toContainText('Due');
  await expect(ownTask).toContainText('for Me');
  await expect(summary).toContainText(/, due /);
  await ownTask.getByRole('button', { name: 'Mark done: Call the interpreter to confirm Thursday' }).click();
  await expect(ownTask).toContainText('Done');
  await expect(ownTask.getByRole('button')).toHaveCount(0);
  const caseTasks = (await (await request.get(`/api/v1/cases/${caseId}/tasks`, { headers: caseworker })).json()) as { title: string | null; status: string }[];
  expect(caseTasks.find((task) => task.title === 'Call the interpreter to confirm Thursday')?.status).toBe('DONE');

  // A service delivered.
  await page.getByRole('navigation', { name: 'What to do' }).getByRole('button', { name: 'Record a service' }).click();
  const services = page.getByRole('region', { name: 'Services delivered' });
  await services.getByRole('combobox', { name: 'Service' }).selectOption({ label: 'Shelter' });
  await services.getByRole('textbox', { name: 'Note (optional)' }).fill('Two weeks in the women’s house');
  await services.getByRole('button', { name: 'Record the service' }).click();
  await expect(services.getByRole('listitem').filter({ hasText: 'Shelter by Tumaini Shelter' })).toContainText('Two weeks in the women’s house');
  // The timeline has the note and the task, newest first, each with who did it.
  const latest = page.getByRole('region', { name: 'Timeline' }).getByRole('listitem').first();
  await expect(latest).toContainText('Service delivered');
  await expect(latest).toContainText('By you');
  const timeline = await wholeTimeline(page);
  await expect(timeline).toContainText('Note added');
  await expect(timeline).toContainText('Task done');
  await expectAccessible(page);
  expect(watch.consoleErrors).toEqual([]);
  expect(await watch.cspViolations()).toEqual([]);

  // What happens elsewhere (through the api): the anti-trafficking unit proposes the shelter as lead, the
  // border point withdraws the referrals still open, and the shelter completes its own.
  const coordinator = await authHeaders(request, 'trafficking.coordinator', password);
  const official = await authHeaders(request, 'border.official', password);
  const agencies = (await (await request.get('/api/v1/agencies', { headers: coordinator })).json()) as { id: string; name: string }[];
  const shelter = agencies.find((agency) => agency.name === 'Tumaini Shelter')!;
  const proposed = await request.post(`/api/v1/cases/${caseId}/transfers`, {
    headers: coordinator,
    data: { toAgencyId: shelter.id, reason: 'She is safe at the shelter, which now leads her care' },
  });
  expect(proposed.status()).toBe(201);
  const sent = (await (await request.get(`/api/v1/referrals?view=SENT&caseId=${caseId}&limit=100`, { headers: official })).json()) as {
    items: { id: string; agency: { name: string }; status: string }[];
  };
  for (const referral of sent.items.filter((item) => item.agency.name !== 'Tumaini Shelter' && !['WITHDRAWN', 'COMPLETED', 'DECLINED'].includes(item.status))) {
    expect((await request.post(`/api/v1/referrals/${referral.id}/withdraw`, { headers: official, data: { reason: 'The shelter takes the case on' } })).status()).toBe(200);
  }
  const ours = sent.items.find((item) => item.agency.name === 'Tumaini Shelter')!;
  // The shelter's referral is taken to its end from wherever it stands (other flows on this api may have moved it).
  const step = async (action: string, data: object) =>
    expect((await request.post(`/api/v1/referrals/${ours.id}/${action}`, { headers: caseworker, data })).status(), `${action} from ${ours.status}`).toBe(200);
  if (['PENDING', 'ACKNOWLEDGED'].includes(ours.status)) await step('accept', {});
  if (['PENDING', 'ACKNOWLEDGED', 'ACCEPTED'].includes(ours.status)) await step('start', {});
  if (ours.status !== 'COMPLETED') await step('complete', { outcomeCode: 'SERVICE_PROVIDED' });

  // The manager: assigns the case, accepts the lead, meets the consent check, closes and reopens.
  const managerContext = await browser.newContext();
  const manager = await managerContext.newPage();
  const managerWatch = await watchPage(manager);
  await signIn(manager, 'shelter.manager', password);
  await manager.goto(`/cases/${caseId}`);
  await expect(manager.getByRole('heading', { name: `Case ${caseNumber}`, level: 1 })).toBeVisible();
  const held = manager.getByRole('region', { name: 'Responsibility' });
  // A lead transfer waits for the shelter: the strip says so.
  await expect(manager.getByRole('region', { name: 'Case summary' })).toContainText('Waiting for your answer');
  await held.getByLabel('Assign to').selectOption({ label: 'NGO caseworker (shelter)' });
  await held.getByRole('button', { name: 'Assign' }).click();
  await expect(held.getByTestId('assignee')).toHaveText('NGO caseworker (shelter)');
  await expect(held.getByRole('status')).toHaveText('Assigned to NGO caseworker (shelter).');

  const transfer = held.getByRole('listitem').filter({ hasText: 'Anti-Trafficking Secretariat' });
  await expect(transfer).toContainText('Waiting for an answer');
  await expect(transfer).toContainText('On the person’s consent');
  await expectAccessible(manager);
  await transfer.getByRole('button', { name: 'Accept the lead' }).click();
  await expect(transfer).toContainText('Accepted');
  await expect(held.locator('dl')).toContainText('Tumaini Shelter, since');

  // Now the lead: a transfer to an agency the person has not consented to is refused in plain words.
  await held.getByRole('button', { name: 'Propose a transfer' }).click();
  await held.getByLabel('New lead agency').selectOption({ label: 'Immigration Department' });
  await held.getByLabel(/Why this agency should lead/).fill('The person asks for help with her papers');
  await held.getByRole('button', { name: 'Send the proposal' }).click();
  await expect(held.getByRole('alert')).toContainText(
    'The lead cannot go to Immigration Department yet: neither the person’s consent to share the case with that agency nor a legal basis is on record.',
  );
  await expect(held.getByRole('link', { name: 'Record consent' })).toBeVisible();
  await held.getByRole('button', { name: 'Cancel' }).click();

  // Closed with an outcome…
  await manager.getByRole('button', { name: 'Close the case' }).click();
  const closing = manager.getByRole('alertdialog', { name: 'Close the case' });
  await closing.getByRole('button', { name: 'Close the case' }).click();
  await expect(closing.getByRole('alert')).toContainText('Choose an outcome');
  await closing.getByLabel('Outcome').selectOption({ label: 'Local integration' });
  await closing.getByLabel(/What happened/).fill('Settled in Kigoma with work at the market');
  await closing.getByRole('button', { name: 'Close the case' }).click();
  await expect(closing).toBeHidden();
  await expect(manager.getByText('This case is closed.')).toBeVisible();
  await expect(manager.locator('article header').getByText('Closed', { exact: true })).toBeVisible();
  const closedCase = (await (await request.get(`/api/v1/cases/${caseId}`, { headers: caseworker })).json()) as { status: string };
  expect(closedCase.status).toBe('CLOSED');
  await expectAccessible(manager);

  // …and reopened with why.
  await manager.getByRole('button', { name: 'Reopen the case' }).click();
  const reopening = manager.getByRole('alertdialog', { name: 'Reopen this case?' });
  await reopening.getByLabel('Reason').fill('She came back asking for legal aid');
  await reopening.getByRole('button', { name: 'Reopen the case' }).click();
  await expect(manager.getByRole('status').filter({ hasText: 'The case is open again.' })).toBeVisible();
  await expect(manager.getByRole('button', { name: 'Close the case' })).toBeVisible();
  await expect(await wholeTimeline(manager)).toContainText('Case reopened');
  const reopened = (await (await request.get(`/api/v1/cases/${caseId}`, { headers: caseworker })).json()) as { status: string };
  expect(reopened.status).toBe('OPEN');
  // The one refusal the browser logs is the consent check's 409, shown above in words.
  expect(managerWatch.consoleErrors).toEqual(['Failed to load resource: the server responded with a status of 409 (Conflict)']);
  expect(await managerWatch.cspViolations()).toEqual([]);
  await managerContext.close();
});
