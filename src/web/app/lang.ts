// The interface language: Chinese by default, English on request; remembered in localStorage.
import { createContext, useContext } from "react";
import { DICT, type TextKey } from "./dictionary.js";

export type Lang = "zh" | "en";
const STORAGE_KEY = "tongban.lang";

export function getLang(): Lang {
  try {
    return localStorage.getItem(STORAGE_KEY) === "en" ? "en" : "zh";
  } catch {
    return "zh";
  }
}

export function saveLang(lang: Lang) {
  try {
    localStorage.setItem(STORAGE_KEY, lang);
  } catch {
    // private mode: the choice lasts until reload
  }
}

export const LangContext = createContext<{ lang: Lang; setLang: (lang: Lang) => void }>({ lang: "zh", setLang: () => {} });

export function useLang() {
  return useContext(LangContext);
}

/** `t("menu.cases")` → the shell's label in the current language. */
export function useT() {
  const { lang } = useLang();
  return (key: TextKey) => DICT[key][lang];
}
