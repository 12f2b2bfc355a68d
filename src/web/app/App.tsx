// Providers, outermost first: language, antd (locale), router, data.
import { App as AntApp, ConfigProvider } from "antd";
import enUS from "antd/locale/en_US";
import zhCN from "antd/locale/zh_CN";
import dayjs from "dayjs";
import "dayjs/locale/zh-cn";
import { useMemo, useState } from "react";
import { BrowserRouter } from "react-router";
import { DataProvider } from "./DataProvider.js";
import { getLang, LangContext, saveLang, type Lang } from "./lang.js";
import { AppRoutes } from "./routes.js";

dayjs.locale(getLang() === "en" ? "en" : "zh-cn");

export function App() {
  const [lang, setLangState] = useState<Lang>(getLang);
  const value = useMemo(
    () => ({
      lang,
      setLang: (next: Lang) => {
        saveLang(next);
        dayjs.locale(next === "en" ? "en" : "zh-cn");
        document.documentElement.lang = next === "en" ? "en" : "zh-CN";
        setLangState(next);
      },
    }),
    [lang],
  );
  return (
    <LangContext.Provider value={value}>
      <ConfigProvider locale={lang === "en" ? enUS : zhCN} theme={{ token: { colorPrimary: "#1f5fbf" } }}>
        <AntApp>
          <BrowserRouter>
            <DataProvider>
              <AppRoutes />
            </DataProvider>
          </BrowserRouter>
        </AntApp>
      </ConfigProvider>
    </LangContext.Provider>
  );
}
