package org.bianmin.device;

/**
 * Every way a device can fail, each with a technician code, a message a citizen can understand, and a
 * technician's cause and remedy.
 *
 * <p>The technician code is stable (it is printed by {@code ./kiosk diag}, logged and reported to the
 * fleet); the citizen messages say what happened and what to do, in plain words. The technician texts
 * are the general case, for the maintenance screens and {@code diag selftest}; a check that learned more
 * about the port (its path, the ports that exist, the program holding it) says so in its own words.
 */
public enum DeviceError {
    PORT_NOT_FOUND("LNK-01", "设备未连接，请联系工作人员。", "The device is not connected. Please ask staff for help.",
            tech("设备端口不存在：线缆未插好、USB 转串口未被识别，或配置里的端口写错了",
                    "the port does not exist: the cable is unplugged, the USB serial adapter is not recognised, or the config names the wrong port",
                    "检查线缆和设备电源；运行 ./kiosk diag ports 列出本机端口，把配置里的端口改成正确的（最好用 /dev/serial/by-id/ 下的固定名称）",
                    "check the cable and the device's power; run ./kiosk diag ports to list this machine's ports and correct the port in the config (prefer the stable /dev/serial/by-id/ name)")),
    PERMISSION_DENIED("LNK-02", "设备暂不可用，请联系工作人员。", "The device is not available. Please ask staff for help.",
            tech("没有打开端口的权限",
                    "no permission to open the port",
                    "将自助机的运行用户加入 dialout 组（sudo usermod -aG dialout kiosk），然后重新登录",
                    "add the kiosk's user to the dialout group (sudo usermod -aG dialout kiosk), then log in again")),
    PORT_BUSY("LNK-03", "设备正被占用，请稍后再试。", "The device is busy. Please try again shortly.",
            tech("端口被另一个程序占用",
                    "another program has the port open",
                    "用 sudo fuser -v 端口 找出占用的程序并停止它（常见：另一个自助机进程、未结束的诊断命令、ModemManager）",
                    "find it with sudo fuser -v PORT and stop it (often a second kiosk process, a diag command still running, or ModemManager)")),
    LINK_IO("LNK-04", "设备通信中断，请稍后再试。", "Lost contact with the device. Please try again shortly.",
            tech("读写端口失败：设备被拔出，或 USB 转串口复位了",
                    "reading or writing the port failed: the device was unplugged or its USB adapter reset",
                    "重新插紧线缆，用 dmesg | tail 查看 USB 是否反复断开，然后再次运行自检",
                    "reseat the cable, look for USB resets with dmesg | tail, then run the self-test again")),
    DISCONNECTED("LNK-05", "设备已断开，正在重新连接，请稍候。", "The device is disconnected and reconnecting. Please wait.",
            tech("设备断开，自助机正在重新连接",
                    "the device went away and the kiosk is reopening it",
                    "检查线缆和设备电源；若不能自动恢复，在维护模式的 GPIO 面板给设备断电重启，或拔插一次设备",
                    "check the cable and the device's power; if it does not come back, power-cycle it from the GPIO panel in maintenance mode or unplug and replug it")),
    TIMEOUT("LNK-06", "设备没有响应，请稍后再试。", "The device did not answer. Please try again shortly.",
            tech("设备没有应答：波特率不对、线缆松动或设备没电",
                    "no answer from the device: wrong baud rate, a loose cable or no power",
                    "检查设备电源指示灯和线缆；用 ./kiosk diag probe --port 端口 找出端口上是什么设备、用什么波特率",
                    "check the device's power light and the cable; find what answers and at which baud rate with ./kiosk diag probe --port PORT")),
    BAD_SETTINGS("LNK-07", "设备设置有误，请联系工作人员。", "The device is set up wrongly. Please ask staff for help.",
            tech("配置里的设备设置有误",
                    "the device's settings in the kiosk config are wrong",
                    "按自检给出的配置项改正配置文件，然后再次运行 ./kiosk diag selftest --config 文件",
                    "correct the key the self-test names in the config file, then run ./kiosk diag selftest --config FILE again")),
    CHECKSUM("PRO-01", "读取出错，请重试。", "A reading error occurred. Please try again.",
            tech("收到的数据帧校验和错误：线路干扰或波特率不对",
                    "a frame arrived with a bad checksum: electrical noise or a wrong baud rate",
                    "检查波特率和线缆（长度、屏蔽）；经常出现就更换线缆",
                    "check the baud rate and the cable (length, shielding); if it keeps happening, replace the cable")),
    BAD_LENGTH("PRO-02", "读取出错，请重试。", "A reading error occurred. Please try again.",
            tech("收到的数据帧长度不对：丢了字节或波特率不对",
                    "a frame arrived with the wrong length: bytes were lost or the baud rate is wrong",
                    "检查波特率和线缆；经常出现就更换线缆",
                    "check the baud rate and the cable; if it keeps happening, replace the cable")),
    BAD_FRAME("PRO-03", "读取出错，请重试。", "A reading error occurred. Please try again.",
            tech("收到乱码：波特率不匹配，或端口上是另一种设备",
                    "garbage arrived: a baud-rate mismatch, or a different device on this port",
                    "用 ./kiosk diag probe --port 端口 找出设备和它的波特率，改正配置",
                    "find the device and its baud rate with ./kiosk diag probe --port PORT and correct the config")),
    UNEXPECTED_REPLY("PRO-04", "设备应答异常，请重试。", "The device gave an unexpected answer. Please try again.",
            tech("设备的应答不符合协议：型号或固件不同，或端口上是另一种设备",
                    "the device answered outside its protocol: another model or firmware, or a different device on this port",
                    "用 ./kiosk diag probe --port 端口 确认端口上的设备，并核对型号是否受支持",
                    "check which device answers with ./kiosk diag probe --port PORT and that its model is supported")),
    NO_CARD("IDC-01", "请将身份证放在读卡区。", "Please place your ID card on the reader.",
            tech("读卡器上没有身份证（或这张卡刚读过）",
                    "no ID card on the reader (or the card was just read)",
                    "把一张身份证平放在读卡区，运行 ./kiosk diag read-card --port 端口",
                    "place an ID card flat on the reader and run ./kiosk diag read-card --port PORT")),
    CARD_REMOVED("IDC-02", "身份证被移开，请重新放好。", "The card was moved. Please place it again and hold it still.",
            tech("读卡过程中身份证被移开",
                    "the card was moved during the read",
                    "偶尔出现无需处理；经常出现请检查读卡器的安装位置和托卡面",
                    "nothing to do if it is rare; if frequent, check how the reader is mounted and that the card rest holds the card")),
    CARD_READ_FAILED("IDC-03", "读卡失败，请重新放置身份证。", "The card could not be read. Please place it again.",
            tech("读不出身份证芯片：卡损坏或射频场弱",
                    "the card's chip could not be read: a damaged card or a weak RF field",
                    "换一张卡试；每张卡都失败就给读卡器断电重启，仍不行则更换读卡器",
                    "try another card; if every card fails, power-cycle the reader, and replace it if that does not help")),
    SAM_FAULT("IDC-04", "读卡器故障，请联系工作人员。", "The card reader has a fault. Please ask staff for help.",
            tech("读卡器的安全模块（SAM_V）报告故障或未授权",
                    "the reader's security module (SAM_V) reports a fault or is not authorised",
                    "给读卡器断电重启；故障仍在则需供应商更换或重新授权 SAM_V",
                    "power-cycle the reader; if the fault stays, the supplier must replace or re-authorise the SAM_V")),
    INVALID_ID_NUMBER("IDC-05", "证件号码校验未通过，请到人工窗口办理。", "The ID number did not pass its check. Please go to a staffed counter.",
            tech("读到的证件号码校验位不对（GB 11643）",
                    "the ID number read fails its check digit (GB 11643)",
                    "偶尔出现多为证件损坏，无需处理；每张卡都这样请带日志报告办公室",
                    "if rare the card is damaged and nothing needs fixing; if every card does it, report it to the office with the log")),
    UNKNOWN_CARD_TYPE("IDC-06", "暂不支持此类证件，请到人工窗口办理。", "This kind of card is not supported here. Please go to a staffed counter.",
            tech("自助机不认识的证件类型",
                    "a card type the kiosk does not know",
                    "现场无需处理；把证件类型报告办公室，以便软件支持",
                    "nothing to fix on site; report the card type to the office so the software can support it")),
    NO_CODE("SCN-01", "没有扫到二维码，请将二维码对准扫描口。", "No code was scanned. Please hold the QR code in front of the scanner.",
            tech("规定时间内没有扫到码",
                    "no code was scanned in time",
                    "擦净扫描窗口，拿测试二维码对准扫描口，运行 ./kiosk diag scan --port 端口",
                    "clean the scanner window, hold a test QR code in front of it and run ./kiosk diag scan --port PORT")),
    UNREADABLE_CODE("SCN-02", "二维码无法识别，请重试。", "The code could not be read. Please try again.",
            tech("扫描枪发来的码无法解析：字符集或输出设置不对",
                    "the scanner sent a code that cannot be decoded: its character set or output settings are wrong",
                    "核对扫描枪的输出设置（UTF-8、结束符）与配置一致",
                    "check the scanner's output settings (UTF-8, terminator) against the config")),
    PAPER_OUT("PRN-01", "打印纸已用完，请联系工作人员。", "The printer is out of paper. Please ask staff for help.",
            tech("打印机缺纸",
                    "the printer is out of paper",
                    "装入新纸卷（热敏面朝打印头），合上盖板，再运行一次自检",
                    "load a new paper roll (thermal side towards the head), close the cover, then run the self-test again")),
    PAPER_NEAR_END("PRN-02", "打印纸即将用完。", "The printer is running low on paper.",
            tech("纸卷快用完了",
                    "the paper roll is nearly finished",
                    "本次就换纸卷，或给工作人员留一卷备用纸",
                    "change the roll on this visit, or leave a spare roll with the staff")),
    COVER_OPEN("PRN-03", "打印机盖板未关好，请联系工作人员。", "The printer cover is open. Please ask staff for help.",
            tech("打印机盖板没有关好",
                    "the printer cover is open",
                    "把盖板按到听见咔哒声；已关好仍报此错则检查盖板传感器",
                    "press the cover shut until it clicks; if it is shut, check the cover sensor")),
    CUTTER_ERROR("PRN-04", "打印机切纸故障，请联系工作人员。", "The printer's paper cutter has a fault. Please ask staff for help.",
            tech("切纸刀卡住",
                    "the paper cutter is jammed",
                    "打开盖板取出卡纸，合上盖板；仍不行就给打印机断电重启",
                    "open the cover, remove the jammed paper and close it; if that does not help, power-cycle the printer")),
    PRINTER_OFFLINE("PRN-05", "打印机暂不可用，请联系工作人员。", "The printer is not available. Please ask staff for help.",
            tech("打印机或打印队列不接收任务：脱机、已停止或已禁用",
                    "the printer or its queue takes no work: offline, stopped or disabled",
                    "打开打印机电源并检查线缆；CUPS 队列运行 cupsenable 队列名 和 cupsaccept 队列名",
                    "switch the printer on and check its cable; for a CUPS queue run cupsenable QUEUE and cupsaccept QUEUE")),
    PRINTER_FAULT("PRN-06", "打印机故障，请联系工作人员。", "The printer has a fault. Please ask staff for help.",
            tech("打印机报告故障",
                    "the printer reports a fault",
                    "给打印机断电重启；故障再现就记下代码联系供应商",
                    "power-cycle the printer; if the fault comes back, note the code and call the supplier")),
    ALREADY_PRINTED("PRN-07", "该凭条已打印，不会重复打印。", "This receipt has already been printed and will not be printed twice.",
            tech("该任务已打印过，不会重复打印",
                    "the job was printed already and is not sent twice",
                    "无需处理：这是防止重复打印的保护",
                    "nothing to do: this protects against printing twice")),
    GPIO_FAULT("GPO-01", "设备故障，请联系工作人员。", "A device fault occurred. Please ask staff for help.",
            tech("GPIO 引脚不可用：没有 GPIO 芯片、没有权限，或引脚被别的程序占用",
                    "a GPIO pin cannot be used: no GPIO chip, no permission, or another program holds the pin",
                    "核对配置里的 devices.gpio；将自助机的运行用户加入 gpio 组；确认没有其他程序占用这些引脚",
                    "check devices.gpio in the config, add the kiosk's user to the gpio group, and make sure no other program uses the pins")),
    RATE_LIMITED("GPO-02", "设备正在恢复，请稍候。", "The device is recovering. Please wait.",
            tech("断电重启被拒绝：短时间内重启这台设备的次数太多",
                    "a power cycle was refused: the device was power-cycled too often in a short time",
                    "等几分钟再试（默认 10 分钟内最多 3 次）；反复需要重启说明设备该更换了",
                    "wait a few minutes and try again (by default at most 3 cycles in 10 minutes); a device that keeps needing power cycles needs replacing")),
    INTERNAL("GEN-01", "系统出现问题，请联系工作人员。", "Something went wrong. Please ask staff for help.",
            tech("软件内部错误",
                    "an unexpected software error",
                    "在维护模式导出诊断包交给办公室，然后重启自助机",
                    "export a diagnostic bundle in maintenance mode for the office, then restart the kiosk"));

    /** What a technician is told: the likely cause and what to do about it, in Chinese and English. */
    private record Technician(String causeZh, String causeEn, String remedyZh, String remedyEn) {}

    private final String code;
    private final String citizenZh;
    private final String citizenEn;
    private final Technician technician;

    DeviceError(String code, String citizenZh, String citizenEn, Technician technician) {
        this.code = code;
        this.citizenZh = citizenZh;
        this.citizenEn = citizenEn;
        this.technician = technician;
    }

    private static Technician tech(String causeZh, String causeEn, String remedyZh, String remedyEn) {
        return new Technician(causeZh, causeEn, remedyZh, remedyEn);
    }

    /** Stable technician code, e.g. {@code PRN-01}. */
    public String code() {
        return code;
    }

    /** The message shown to a citizen; {@code language} is a BCP-47 tag such as "zh-CN" or "en". */
    public String citizenMessage(String language) {
        return english(language) ? citizenEn : citizenZh;
    }

    /** The likely cause, for a technician; {@code language} is a BCP-47 tag, Chinese unless it starts with "en". */
    public String technicianCause(String language) {
        return english(language) ? technician.causeEn() : technician.causeZh();
    }

    /** What the technician should do about it, in the same languages as {@link #technicianCause}. */
    public String technicianRemedy(String language) {
        return english(language) ? technician.remedyEn() : technician.remedyZh();
    }

    private static boolean english(String language) {
        return language != null && language.startsWith("en");
    }
}
