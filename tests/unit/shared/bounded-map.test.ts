import { BoundedMap } from "@/lib/shared/bounded-map";

test("keeps at most its limit, forgetting the entry written longest ago; writing a key again makes it the newest", () => {
  const map = new BoundedMap<string, number>(3);
  map.set("a", 1).set("b", 2).set("c", 3);
  map.set("a", 10);
  map.set("d", 4);
  expect([...map.entries()]).toEqual([
    ["c", 3],
    ["a", 10],
    ["d", 4],
  ]);
  expect(map.size).toBe(3);
  expect(map.get("b")).toBeUndefined();
});
