import { defaultFixturesRoot, generateFixtures } from '@/scripts/fixtures/generate-fixtures';

/** Fixture models are cheap to make (well under a second), so every run makes them fresh. */
export default async function setup(): Promise<void> {
  await generateFixtures(defaultFixturesRoot());
}
