import { describe, expect, it } from "vitest";
import { namesPerson, possibleNames, strictSurnameReferences, surnameReferences } from "./references.js";
import { namedParties } from "./named-parties.js";

describe("surnameReferences", () => {
  it("reads the surnames a story names people by, compound ones included", () => {
    const refs = surnameReferences("邻居胡某说其家狗吵，楼上沈某某家漏水，欧阳女士也来了，老李不管");
    for (const s of ["胡", "沈", "欧阳", "李"]) expect(refs.has(s)).toBe(true);
  });

  it("ignores words before 某 that are not surnames", () => {
    expect([...strictSurnameReferences("其某日与对方某某发生争执，该女士报警，一位老先生和我先生都看见了")]).toEqual([]);
  });
});

describe("namesPerson", () => {
  it("finds a full name or a surname with a title, and nothing else", () => {
    const text = "邻居应杰说其家的狗吓到人，楼下吴某也有意见";
    const refs = surnameReferences(text);
    expect(namesPerson(text, refs, { fullName: "应杰", surname: "应" })).toBe("full");
    expect(namesPerson(text, refs, { fullName: "吴阿娣", surname: "吴" })).toBe("surname");
    expect(namesPerson(text, refs, { fullName: "周涛", surname: "周" })).toBeNull();
  });
});

describe("possibleNames", () => {
  it("offers the names in a story for lookup", () => {
    expect(possibleNames("信访人反映其借给老乡刘丽娟24万元，有借条")).toContain("刘丽娟");
    expect(possibleNames("楼上住户袁美娟家空调冷凝水一直滴在其家雨棚上")).toContain("袁美娟");
  });
});

describe("namedParties", () => {
  const chen = { personId: 1, fullName: "陈雪", surname: "陈", nameKey: "陈雪", company: false };
  const zhang = { personId: 2, fullName: "张亚娟", surname: "张", nameKey: "张亚娟", company: false };

  it("links the party an earlier story names by surname to that record, and the party the new story names to it", () => {
    const earlier = { id: 10, narrativeKey: "市民来电：收购商张某收了其家的西兰花，到现在还欠49000元", people: [chen] };
    const mine = { id: 11, narrativeKey: "养殖户陈雪的西兰花质量不好，其才压的价", people: [zhang] };
    expect(namedParties([earlier, mine], 11)).toEqual([
      { recordId: 10, personId: 2, how: "surname", name: "张某" },
      { recordId: 11, personId: 1, how: "full", name: "陈雪" },
    ]);
  });

  it("does not link a surname two other parties of the case share", () => {
    const zhangPing = { personId: 3, fullName: "张萍", surname: "张", nameKey: "张萍", company: false };
    const earlier = { id: 20, narrativeKey: "申请人与被申请人系兄弟姐妹关系", people: [zhangPing, zhang] };
    const mine = { id: 21, narrativeKey: "报称张某说其独占老宅", people: [chen] };
    expect(namedParties([earlier, mine], 21)).toEqual([]);
  });

  it("links the one other party with the surname when the record's own person shares it (姐妹)", () => {
    const zhangPing = { personId: 3, fullName: "张萍", surname: "张", nameKey: "张萍", company: false };
    const earlier = { id: 30, narrativeKey: "申请人与被申请人系兄弟姐妹关系", people: [zhangPing, zhang] };
    const mine = { id: 31, narrativeKey: "报称张某说其独占老宅", people: [zhang] };
    expect(namedParties([earlier, mine], 31)).toEqual([{ recordId: 31, personId: 3, how: "surname", name: "张某" }]);
  });
});
